using Microsoft.Extensions.Options;

namespace Platform.Search.Meilisearch;

/// <summary>
/// Validates <see cref="MeilisearchOptions"/>, collecting every error and naming the configuration key, so one
/// failed start shows everything that needs fixing. The ranges match what Polly accepts, so a bad value fails at
/// start-up here rather than on the first call.
/// </summary>
public sealed class MeilisearchOptionsValidator : IValidateOptions<MeilisearchOptions>
{
    private const string Section = MeilisearchOptions.SectionName;
    private const string ResilienceSection = Section + ":Resilience";

    // Polly's timeout strategy refuses timeouts outside [10 ms, 1 day].
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinCircuitDuration = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MeilisearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!MeilisearchClient.TryParseBaseAddress(options.Url, out _))
        {
            errors.Add($"{Section}:Url must be an absolute http(s) URL (got '{options.Url}').");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add($"{Section}:ApiKey is required; set it from the environment (Platform__Search__Meilisearch__ApiKey).");
        }

        CheckTimeout(errors, $"{Section}:Timeout", options.Timeout);
        CheckTimeout(errors, $"{Section}:SearchTimeout", options.SearchTimeout);

        ValidateEngine(errors, options);

        var resilience = options.Resilience;
        if (resilience is null)
        {
            errors.Add($"{ResilienceSection} must not be null.");
            return ValidateOptionsResult.Fail(errors);
        }

        if (resilience.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{ResilienceSection}:MaxRetryAttempts must be between 0 and 10 (got {resilience.MaxRetryAttempts}).");
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero || resilience.RetryBaseDelay > MaxTimeout)
        {
            errors.Add($"{ResilienceSection}:RetryBaseDelay must be between 0 and 1 day (got {resilience.RetryBaseDelay}).");
        }

        if (resilience.RetryMaxDelay < resilience.RetryBaseDelay)
        {
            errors.Add($"{ResilienceSection}:RetryMaxDelay must not be less than RetryBaseDelay (got {resilience.RetryMaxDelay}).");
        }

        if (!(resilience.CircuitFailureRatio > 0 && resilience.CircuitFailureRatio <= 1))
        {
            errors.Add($"{ResilienceSection}:CircuitFailureRatio must be greater than 0 and at most 1 (got {resilience.CircuitFailureRatio}).");
        }

        if (resilience.CircuitMinimumThroughput < 2)
        {
            errors.Add($"{ResilienceSection}:CircuitMinimumThroughput must be at least 2 (got {resilience.CircuitMinimumThroughput}).");
        }

        if (resilience.CircuitSamplingDuration < MinCircuitDuration || resilience.CircuitSamplingDuration > MaxTimeout)
        {
            errors.Add($"{ResilienceSection}:CircuitSamplingDuration must be between 500 ms and 1 day (got {resilience.CircuitSamplingDuration}).");
        }

        if (resilience.CircuitBreakDuration < MinCircuitDuration || resilience.CircuitBreakDuration > MaxTimeout)
        {
            errors.Add($"{ResilienceSection}:CircuitBreakDuration must be between 500 ms and 1 day (got {resilience.CircuitBreakDuration}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEngine(List<string> errors, MeilisearchOptions options)
    {
        var prefix = options.IndexPrefix;
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 64 || !prefix.All(IsUidChar))
        {
            errors.Add($"{Section}:IndexPrefix must be 1 to 64 letters, digits, '-' or '_' (got '{prefix}').");
        }

        var catalog = options.CatalogIndex;
        if (string.IsNullOrEmpty(catalog) || catalog.Length > 400 || !catalog.All(IsUidChar)
            || (!string.IsNullOrEmpty(prefix) && catalog.StartsWith(prefix, StringComparison.Ordinal)))
        {
            errors.Add($"{Section}:CatalogIndex must be an index uid (letters, digits, '-' or '_') that does not start with IndexPrefix (got '{catalog}').");
        }

        if (options.DedicatedIndexes is null)
        {
            errors.Add($"{Section}:DedicatedIndexes must not be null.");
        }
        else
        {
            for (var i = 0; i < options.DedicatedIndexes.Count; i++)
            {
                var uid = options.DedicatedIndexes[i];
                if (string.IsNullOrEmpty(uid) || uid.Length > 400 || !uid.All(IsUidChar))
                {
                    errors.Add($"{Section}:DedicatedIndexes:{i} must be an index uid (letters, digits, '-' or '_', at most 400) (got '{uid}').");
                }
            }
        }

        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:TokenLifetime must be between 1 minute and 1 day (got {options.TokenLifetime}).");
        }

        if (!(options.TokenRefreshRatio > 0 && options.TokenRefreshRatio < 1))
        {
            errors.Add($"{Section}:TokenRefreshRatio must be greater than 0 and less than 1 (got {options.TokenRefreshRatio}).");
        }
    }

    private static bool IsUidChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void CheckTimeout(List<string> errors, string key, TimeSpan value)
    {
        if (value < MinTimeout || value > MaxTimeout)
        {
            errors.Add($"{key} must be between 10 ms and 1 day (got {value}).");
        }
    }
}
