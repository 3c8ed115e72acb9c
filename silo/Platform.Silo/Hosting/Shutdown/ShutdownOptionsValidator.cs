using Microsoft.Extensions.Options;

namespace Platform.Silo.Hosting.Shutdown;

/// <summary>Checks <see cref="ShutdownOptions"/>, naming the configuration key.</summary>
public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.DrainSeconds is < 0 or > ShutdownOptions.MaxDrainSeconds)
        {
            errors.Add($"Platform:Shutdown:DrainSeconds must be 0-{ShutdownOptions.MaxDrainSeconds}, not {options.DrainSeconds}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
