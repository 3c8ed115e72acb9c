using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// OpenTelemetry wiring shared by every host: traces and metrics from ASP.NET Core, HttpClient, Orleans and the
/// platform's own sources; OTLP export only when an endpoint is configured; Prometheus on <c>/metrics</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Orleans' meter and activity sources (with activity propagation enabled on silo and client).</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, IEnumerable<string> sources, IEnumerable<string> meters)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? EndpointFromEnvironment(builder.Configuration);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrape(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource(OrleansSources)
                    .AddSource([.. sources]);
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("Microsoft.Orleans")
                    .AddMeter([.. meters]);
                if (options.Prometheus) metrics.AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        _ = telemetry;
        builder.Services.AddSingleton(options);
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus is on; returns null otherwise.</summary>
    public static IEndpointConventionBuilder? MapMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        return options.Prometheus ? app.MapPrometheusScrapingEndpoint("/metrics") : null;
    }

    private static bool IsScrape(string? path) => path is "/metrics" or "/health";

    private static Uri? EndpointFromEnvironment(IConfiguration configuration) =>
        Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var uri) ? uri : null;
}
