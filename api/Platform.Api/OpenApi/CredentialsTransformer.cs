using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Declares the three bearer schemes of <see cref="Credentials"/> in the document, and on each operation the ones
/// its route accepts (<see cref="AcceptedCredentials"/>); routes without that metadata are open.
/// </summary>
internal sealed class CredentialsTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Credentials.MasterKey] = Bearer(
            "The master key (Platform:MasterKey): operator routes, tasks and token minting. It has no tenant, so document and search routes refuse it.");
        document.Components.SecuritySchemes[Credentials.TenantKey] = Bearer(
            "A tenant API key, created under /tenants/{tenant}/keys; its actions and indexes limit what it may do.");
        document.Components.SecuritySchemes[Credentials.TenantToken] = Bearer(
            "A tenant token: a JWT signed with a tenant key (HS256), carrying search rules; search routes only.", "JWT");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var accepted = context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptedCredentials>().LastOrDefault();
        if (accepted is null) return Task.CompletedTask;

        // Alternatives: one requirement per scheme, any of which suffices.
        operation.Security = [.. accepted.Schemes.Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
        })];
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Bearer(string description, string? format = null) => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = format,
        Description = description,
    };
}
