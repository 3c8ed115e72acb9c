using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Reads options a host needs while it is still being composed (the address to listen on, the data folder, which
/// exporters to add), before its container exists. They go through the very registration the container uses
/// (binding, post-configuration and the registered <see cref="IValidateOptions{TOptions}"/>) in a throwaway
/// provider, so there is one code path and a bad value stops start-up at once with the validator's message.
/// </summary>
public static class EarlyOptions
{
    /// <summary>The options <paramref name="register"/> registers, bound from <paramref name="configuration"/> and validated.</summary>
    /// <exception cref="OptionsValidationException">A registered validator refused the values (its message names each key).</exception>
    public static TOptions Resolve<TOptions>(IConfiguration configuration, Action<IServiceCollection> register)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(register);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }
}
