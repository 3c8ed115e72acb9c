using System.Globalization;
using Microsoft.Extensions.Options;

namespace Platform.Grains.Tasks;

/// <summary>Checks <see cref="TaskOptions"/> at start-up, naming the key.</summary>
public sealed class TaskOptionsValidator : IValidateOptions<TaskOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxRetained is < 1 or > TaskOptions.MaxRetainedCeiling
            ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{TaskOptions.SectionName}:MaxRetained must be between 1 and {TaskOptions.MaxRetainedCeiling:N0}."))
            : ValidateOptionsResult.Success;
    }
}
