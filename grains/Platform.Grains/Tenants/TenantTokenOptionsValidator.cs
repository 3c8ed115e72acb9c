using Microsoft.Extensions.Options;

namespace Platform.Grains.Tenants;

/// <summary>Checks <see cref="TenantTokenOptions"/> at start-up, collecting every error and naming its key.</summary>
public sealed class TenantTokenOptionsValidator : IValidateOptions<TenantTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = TenantTokenOptions.SectionName;
        var errors = new List<string>();
        if (options.MintCacheSizePerTenant < 0) errors.Add($"{Section}:MintCacheSizePerTenant must be 0 (off) or more.");
        if (options.MintCacheBytesPerTenant < 1) errors.Add($"{Section}:MintCacheBytesPerTenant must be at least 1.");
        if (options.BackendCacheSizePerTenant < 1) errors.Add($"{Section}:BackendCacheSizePerTenant must be at least 1.");
        if (options.DefaultLifetime < TimeSpan.FromSeconds(1)) errors.Add($"{Section}:DefaultLifetime must be at least one second.");
        if (options.MaxLifetime < options.DefaultLifetime) errors.Add($"{Section}:MaxLifetime must be at least {Section}:DefaultLifetime.");
        if (!(options.ReuseShare is > 0 and < 1)) errors.Add($"{Section}:ReuseShare must be between 0 and 1, both excluded.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
