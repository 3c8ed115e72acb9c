using System.Reflection;
using Platform.Api.Auth;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Auth;

/// <summary>No endpoint can exist without saying who may call it, and no handler can ask for a caller its route does not provide.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RouteAccessDeclarationTests(PlatformFixture fixture)
{
    private static readonly Dictionary<Type, Type> CallerOf = new()
    {
        [typeof(TenantKeyAccess)] = typeof(TenantCaller),
        [typeof(SearchAccess)] = typeof(SearchCaller),
        [typeof(MasterOrTenantKeyAccess)] = typeof(OperatorOrTenantCaller),
    };

    private static readonly Type[] CallerTypes = [typeof(TenantCaller), typeof(SearchCaller), typeof(OperatorOrTenantCaller)];

    [Fact]
    public void Every_endpoint_declares_exactly_one_access()
    {
        var endpoints = DeclaredRoutes.All(fixture.Server.Services);
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<RouteAccess>().Count != 1)
            .Select(e => $"{string.Join(',', DeclaredRoutes.Methods(e))} {e.RoutePattern.RawText}: {e.Metadata.GetOrderedMetadata<RouteAccess>().Count} declarations")
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without exactly one access declaration:\n" + string.Join('\n', undeclared));
    }

    [Fact]
    public void Handlers_take_only_the_caller_their_declaration_provides()
    {
        var mismatches = new List<string>();
        foreach (var endpoint in DeclaredRoutes.All(fixture.Server.Services))
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler) continue;
            var access = endpoint.Metadata.GetMetadata<RouteAccess>();
            var provided = access is null ? null : CallerOf.GetValueOrDefault(access.GetType());
            foreach (var parameter in handler.GetParameters().Where(p => CallerTypes.Contains(p.ParameterType)))
            {
                if (parameter.ParameterType != provided) mismatches.Add($"{endpoint.RoutePattern.RawText} ({handler.Name}): {parameter.ParameterType.Name} under {access?.GetType().Name}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void The_operator_surface_is_master_key_only()
    {
        var routes = DeclaredRoutes.Where<RouteAccess>(fixture.Server.Services);
        foreach (var prefix in new[] { "/indexes", "/tenants" })
        {
            var open = routes.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal) && r.Access is OpenAccess).ToList();
            Assert.Empty(open);
        }

        Assert.All(routes.Where(r => r.Path == "/health"), r => Assert.IsType<OpenAccess>(r.Access));
    }
}
