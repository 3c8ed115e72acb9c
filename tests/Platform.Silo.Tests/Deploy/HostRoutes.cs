using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// The routes the host maps, read from the application built by <see cref="Program.BuildApp"/> (not started), and
/// the health probes among them, found through their constants in the code (a <c>const string</c> whose name says
/// <c>Ready</c> or <c>Live</c> and whose value is a mapped <c>/health/…</c> route), so no probe path is copied here.
/// </summary>
public static class HostRoutes
{
    private static readonly Lazy<HashSet<string>> Routes = new(Collect);

    public static IReadOnlySet<string> Mapped => Routes.Value;

    public static string Ready => ProbeConstant("Ready");

    public static string Live => ProbeConstant("Live");

    private static string ProbeConstant(string kind)
    {
        var values = PlatformAssemblies.Types
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.Contains(kind, StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("/health/", StringComparison.Ordinal) && Mapped.Contains(v))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(values.Count == 1,
            $"expected one constant named *{kind}* holding a mapped /health/ route, found [{string.Join(", ", values)}]; mapped: {string.Join(", ", Mapped.Order(StringComparer.Ordinal))}");
        return values[0];
    }

    private static HashSet<string> Collect()
    {
        using var data = new TestData();
        string[] args =
        [
            "--Platform:MasterKey=route-listing-master-key",
            $"--Platform:DataPath={data.Path}",
            "--Platform:Listen=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
        ];
        var app = Program.BuildApp(args);
        try
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
                .ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
