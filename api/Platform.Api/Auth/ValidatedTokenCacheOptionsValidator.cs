using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>Checks <see cref="ValidatedTokenCacheOptions"/> at start-up, naming the key.</summary>
public sealed class ValidatedTokenCacheOptionsValidator : IValidateOptions<ValidatedTokenCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, ValidatedTokenCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ValidatedCacheSize < 0
            ? ValidateOptionsResult.Fail($"{ValidatedTokenCacheOptions.SectionName}:ValidatedCacheSize must be 0 (off) or more.")
            : ValidateOptionsResult.Success;
    }
}
