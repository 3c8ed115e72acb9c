using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults;

/// <summary>Checks <see cref="TelemetryOptions"/>, naming the key: an OTLP endpoint must be an absolute http(s) URL.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OtlpEndpoint is { } endpoint && !(endpoint.IsAbsoluteUri && endpoint.Scheme is "http" or "https")
            ? ValidateOptionsResult.Fail(
                $"{TelemetryOptions.SectionName}:OtlpEndpoint must be an absolute http(s) URL such as http://127.0.0.1:4317, not `{endpoint}`.")
            : ValidateOptionsResult.Success;
    }
}
