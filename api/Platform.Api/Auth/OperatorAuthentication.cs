using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Errors;
using Platform.Api.OpenApi;
using Platform.Search.Keys;

namespace Platform.Api.Auth;

/// <summary>
/// Operator routes accept the master key and nothing else: a tenant key or a tenant token there gets Meilisearch's
/// <c>The provided API key is invalid.</c>, whatever actions the key holds. No lookup is needed to say so.
/// </summary>
internal static class OperatorAuthentication
{
    public static TBuilder RequireMasterKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Accepts(Credentials.MasterKey).AddEndpointFilter(static async (context, next) =>
        {
            Check(context.HttpContext);
            return await next(context);
        });

    public static void Check(HttpContext context)
    {
        var bearer = BearerToken.Extract(context.Request);
        var secrets = context.RequestServices.GetRequiredService<ApiKeySecrets>();
        if (!secrets.IsMasterKey(bearer)) throw ApiError.InvalidApiKey();
    }
}
