using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.Silo.Hosting.Shutdown;

/// <summary>
/// Graceful shutdown of the co-hosted process: drain, finish requests, stop the silo, exit 0 within
/// <see cref="HostOptions.ShutdownTimeout"/> (<see cref="ShutdownOptions.ShutdownTimeout"/>).
/// </summary>
/// <remarks>
/// Order matters in this process, where Kestrel and the Orleans silo are two hosted services of one host. The host
/// first calls every <see cref="IHostedLifecycleService.StoppingAsync"/>, where <see cref="ShutdownDrain"/> waits out
/// the drain with both still running. Then it stops hosted services one at a time in reverse registration order.
/// <c>WebApplicationBuilder.Build()</c> registers Kestrel's service (<c>GenericWebHostService</c>) after all others, so
/// Kestrel stops first: it stops accepting connections and waits for in-flight requests, which still need the silo
/// for their grain calls. Only after that does Orleans' silo service stop: it deactivates its grains (their state is
/// already stored), leaves the membership table so the other silos take over without waiting for a failure to be
/// detected, and the process exits. Stopping concurrently would break that order, so it stays off.
/// </remarks>
public static class ShutdownExtensions
{
    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>());
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
        {
            host.ShutdownTimeout = shutdown.Value.ShutdownTimeout;
            host.ServicesStopConcurrently = false;
        });
        builder.Services.AddHostedService<ShutdownDrain>();
        return builder;
    }
}
