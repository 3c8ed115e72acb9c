using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.OpenApi;

/// <summary>The OpenAPI document describes every route the running platform maps, with the error shape and credentials.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Every_mapped_route_appears_with_its_methods()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        var routes = MappedRoutes();
        Assert.NotEmpty(routes);
        foreach (var (method, path) in routes)
        {
            Assert.True(paths[path] is JsonObject item && item.ContainsKey(method.ToLowerInvariant()),
                $"{method} {path} is mapped but missing from /openapi/v1.json");
        }
    }

    /// <summary>
    /// The written reference (docs/api-reference.md) names every operation of the document: a line holding the path
    /// and the method, as "`POST /indexes`" or "`GET`, `PUT` and `DELETE /indexes/{uid}/settings/{setting}`".
    /// </summary>
    [Fact]
    public async Task Every_operation_is_in_the_written_api_reference()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Platform.sln"))) root = Path.GetDirectoryName(root)!;
        var reference = await File.ReadAllLinesAsync(Path.Combine(root, "docs", "api-reference.md"));

        var operations = (await DocumentAsync())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Method: operation.Key.ToUpperInvariant(), Path: path.Key)))
            .ToList();
        Assert.NotEmpty(operations);
        var missing = operations
            .Where(o => !reference.Any(line => MentionsPath(line, o.Path) && (line.Contains($"`{o.Method} ", StringComparison.Ordinal) || line.Contains($"`{o.Method}`", StringComparison.Ordinal))))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();
        Assert.True(missing.Count == 0, "missing from docs/api-reference.md: " + string.Join(", ", missing));
    }

    private static bool MentionsPath(string line, string path) =>
        new[] { $" {path}`", $" {path}?", $" {path} " }.Any(form => line.Contains(form, StringComparison.Ordinal));

    [Fact]
    public async Task Errors_are_meilisearchs_error_object_and_the_bearer_schemes_are_declared()
    {
        var document = await DocumentAsync();

        var error = document["components"]!["schemas"]!["MeilisearchError"]!["properties"]!.AsObject();
        Assert.Equal(["message", "code", "type", "link"], error.Select(p => p.Key));
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        foreach (var name in new[] { "masterKey", "tenantKey", "tenantToken" })
        {
            Assert.Equal(("http", "bearer"), (schemes[name]!["type"]!.GetValue<string>(), schemes[name]!["scheme"]!.GetValue<string>()));
        }

        var notFound = document["paths"]!["/tenants/{uid}"]!["get"]!["responses"]!["404"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/MeilisearchError", notFound["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Production_serves_the_document_to_the_master_key_only()
    {
        await using var production = await PlatformServer.StartAsync("0123456789abcdef", "--Platform:Environment=production");

        var anonymous = await production.Client.SendAsync(HttpMethod.Get, "/openapi/v1.json", authorize: false);
        anonymous.ShouldFail(HttpStatusCode.Unauthorized, "missing_authorization_header");
        var master = await production.Client.GetAsync("/openapi/v1.json");
        master.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull(master.Json!["paths"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        // Development mode (the fixture's): open to anyone.
        var reply = await fixture.Client.SendAsync(HttpMethod.Get, "/openapi/v1.json", authorize: false);
        reply.ShouldBe(HttpStatusCode.OK);
        return reply.Json!;
    }

    /// <summary>
    /// Every (method, path) routing knows, as OpenAPI spells the path. Endpoints for any method (<c>/metrics</c>)
    /// and those excluded from descriptions (the document's own route) are not operations.
    /// </summary>
    private List<(string Method, string Path)> MappedRoutes() =>
        [.. fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, OpenApiPath(e.RoutePattern))))];

    private static string OpenApiPath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
}
