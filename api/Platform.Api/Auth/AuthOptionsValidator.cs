using Microsoft.Extensions.Options;

namespace Platform.Api.Auth;

/// <summary>Checks <see cref="AuthOptions"/> at start-up, collecting every error and naming its key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = AuthOptions.SectionName;
        var errors = new List<string>();
        if (options.MaxFailedAttempts < 1) errors.Add($"{Section}:MaxFailedAttempts must be at least 1.");
        if (options.FailedAttemptWindow < TimeSpan.FromSeconds(1)) errors.Add($"{Section}:FailedAttemptWindow must be at least 00:00:01.");
        if (options.UnknownKeyCacheSize < 0) errors.Add($"{Section}:UnknownKeyCacheSize must be 0 (off) or more.");
        if (options.UnknownKeyCacheDuration < TimeSpan.FromSeconds(1)) errors.Add($"{Section}:UnknownKeyCacheDuration must be at least 00:00:01.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
