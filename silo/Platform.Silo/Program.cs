using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Grains;
using Platform.Silo.Hosting;
using Platform.Silo.Hosting.Health;
using Platform.Silo.Hosting.Shutdown;
using Platform.Silo.Hosting.Refusals;

return StartupRefusals.Run(() => BuildApp(args));

public partial class Program
{
    /// <summary>
    /// Composes the process: an Orleans silo with the REST API co-hosted. Tests call it with their own arguments, and
    /// may replace services (e.g. a fake <see cref="TimeProvider"/>) through <paramref name="configureServices"/>,
    /// which runs last.
    /// </summary>
    public static WebApplication BuildApp(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // Settings files ship beside the binary, so the process finds them from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var platform = builder.AddPlatformHosting();
        builder.AddServiceDefaults(sources: [PlatformTelemetry.ActivitySourceName], meters: [PlatformTelemetry.MeterName]);
        builder.AddPlatformSearchEngine();
        builder.AddPlatformOrleans(platform);
        builder.Services.AddPlatformGrains();
        builder.Services.AddPlatformApi();
        builder.AddSiloHealthChecks();
        builder.AddGracefulShutdown();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UsePlatformStatusErrors();
        app.UseMeilisearchCors();
        app.MapMetricsEndpoint()?.RequireMetricsAccess();
        app.MapPlatformApi();
        return app;
    }
}
