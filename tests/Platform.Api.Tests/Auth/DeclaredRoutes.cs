using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;

namespace Platform.Api.Tests.Auth;

/// <summary>
/// The app's routes as its endpoint metadata declares them: the route tables of the authorization tests are
/// derived from here, never written by hand, so a new route is covered the day it is mapped.
/// </summary>
internal static class DeclaredRoutes
{
    /// <summary>Every route endpoint the host maps, with its method(s) and its access declarations.</summary>
    public static IReadOnlyList<RouteEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>One request per method of every endpoint whose single declaration is a <typeparamref name="TAccess"/>.</summary>
    public static IReadOnlyList<DeclaredRoute> Where<TAccess>(IServiceProvider services, Func<TAccess, bool>? filter = null,
        IReadOnlyDictionary<string, string>? values = null) where TAccess : RouteAccess =>
        [.. from endpoint in All(services)
            let access = endpoint.Metadata.GetOrderedMetadata<RouteAccess>()
            where access.Count == 1 && access[0] is TAccess typed && (filter is null || filter(typed))
            from method in Methods(endpoint)
            select new DeclaredRoute(method, Path(endpoint, values), access[0])];

    public static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];

    /// <summary>The route pattern with a sample value in each parameter (<paramref name="values"/> first).</summary>
    public static string Path(RouteEndpoint endpoint, IReadOnlyDictionary<string, string>? values = null)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                values is not null && values.TryGetValue(parameter.Name, out var given) ? given : Sample(parameter.Name),
            _ => throw new InvalidOperationException($"Unexpected route part in {endpoint.RoutePattern.RawText}."),
        })));
        return "/" + string.Join('/', segments);
    }

    private static string Sample(string parameter) => parameter switch
    {
        "uid" => "products",
        "tenant" => "acme",
        "key" => "00000000-0000-0000-0000-000000000000",
        "setting" => "filterable-attributes",
        "id" => "1",
        "documentName" => "v1",
        _ => "sample",
    };
}

/// <summary>One method and concrete path of a declared route.</summary>
internal sealed record DeclaredRoute(string Method, string Path, RouteAccess Access)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Runs an assertion about this route and names the route when it fails.</summary>
    public void Because(Action assertion)
    {
        try
        {
            assertion();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{this}: {e.Message}");
        }
    }
}
