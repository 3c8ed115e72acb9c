using Microsoft.Extensions.Options;

namespace Platform.Search.Embedded;

/// <summary>Checks <see cref="EmbeddedEngineOptions"/>, collecting every error and naming its key.</summary>
public sealed class EmbeddedEngineOptionsValidator : IValidateOptions<EmbeddedEngineOptions>
{
    private const string Section = EmbeddedEngineOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, EmbeddedEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataRoot)) errors.Add($"{Section}:{nameof(options.DataRoot)} is required.");
        if (options.MaxTotalHits < 1) errors.Add($"{Section}:{nameof(options.MaxTotalHits)} must be at least 1.");
        if (options.MaxValuesPerFacet < 0) errors.Add($"{Section}:{nameof(options.MaxValuesPerFacet)} must not be negative.");
        if (options.SearchTimeout <= TimeSpan.Zero) errors.Add($"{Section}:{nameof(options.SearchTimeout)} must be positive.");
        if (options.SearchWorkBudget < 1) errors.Add($"{Section}:{nameof(options.SearchWorkBudget)} must be at least 1.");
        if (options.MaxResponseBytes < 1) errors.Add($"{Section}:{nameof(options.MaxResponseBytes)} must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
