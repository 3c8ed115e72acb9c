using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        builder.Services.AddTelemetryOptions();

        // Which exporters to add is decided now, while composing, so the options are read early (same validator).
        var options = EarlyOptions.Resolve<TelemetryOptions>(builder.Configuration, services => services.AddTelemetryOptions());
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
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus is on; returns null otherwise.</summary>
    public static IEndpointConventionBuilder? MapMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        return options.Prometheus ? app.MapPrometheusScrapingEndpoint("/metrics") : null;
    }

    private static void AddTelemetryOptions(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
    }

    /// <summary>Scrapes and probes: frequent, and no one's request, so they are not traced.</summary>
    private static bool IsScrape(string? path) => path is "/metrics" or "/health" or "/health/live" or "/health/ready";

    private static Uri? EndpointFromEnvironment(IConfiguration configuration) =>
        Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var uri) ? uri : null;
}
