using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Grains.Tasks;
using Platform.Grains.Tenants;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The grains' composition root: what the grains need besides the search engine and the key secrets.</summary>
public static class PlatformGrainsExtensions
{
    /// <summary>
    /// Registers the grains' own dependencies: the clock, the task runner, <see cref="TaskOptions"/> (bound from
    /// <see cref="TaskOptions.SectionName"/>) and <see cref="TenantTokenOptions"/> (bound from
    /// <see cref="TenantTokenOptions.SectionName"/>, validated at start-up). The host adds the <c>ISearchEngine</c> and
    /// the <c>ApiKeySecrets</c> derived from its master key; tests call this too and then replace what they fake.
    /// </summary>
    public static IServiceCollection AddPlatformGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TaskRunner>();
        services.AddOptions<TaskOptions>().BindConfiguration(TaskOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskOptions>, TaskOptionsValidator>());
        services.AddOptions<TenantTokenOptions>().BindConfiguration(TenantTokenOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantTokenOptions>, TenantTokenOptionsValidator>());
        return services;
    }
}
