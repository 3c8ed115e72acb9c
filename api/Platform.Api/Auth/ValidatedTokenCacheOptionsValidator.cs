using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>Checks <see cref="ValidatedTokenCacheOptions"/> at start-up, collecting every error and naming its key.</summary>
public sealed class ValidatedTokenCacheOptionsValidator : IValidateOptions<ValidatedTokenCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, ValidatedTokenCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ValidatedTokenCacheOptions.SectionName;
        var errors = new List<string>();
        if (options.ValidatedCacheSize < 0) errors.Add($"{Section}:ValidatedCacheSize must be 0 (off) or more.");
        if (options.ValidatedCacheBytes < 1) errors.Add($"{Section}:ValidatedCacheBytes must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
