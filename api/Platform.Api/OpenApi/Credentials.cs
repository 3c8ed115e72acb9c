using Microsoft.AspNetCore.Builder;

namespace Platform.Api.OpenApi;

/// <summary>The bearer credentials the API accepts, named as the OpenAPI document's security schemes.</summary>
internal static class Credentials
{
    /// <summary>The operator's master key: operator routes, tasks, token minting; it has no tenant, so no documents or search.</summary>
    public const string MasterKey = "masterKey";

    /// <summary>A tenant API key: the routes its actions allow, on its tenant's documents only.</summary>
    public const string TenantKey = "tenantKey";

    /// <summary>A tenant token (JWT signed with a tenant key): search routes only.</summary>
    public const string TenantToken = "tenantToken";

    /// <summary>Records which credentials a route accepts; the OpenAPI document lists them as its security.</summary>
    public static TBuilder Accepts<TBuilder>(this TBuilder builder, params string[] schemes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptedCredentials(schemes));
}

/// <summary>Endpoint metadata: the security schemes of <see cref="Credentials"/> a route accepts.</summary>
internal sealed record AcceptedCredentials(IReadOnlyList<string> Schemes);
