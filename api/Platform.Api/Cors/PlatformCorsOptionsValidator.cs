using Microsoft.Extensions.Options;

namespace Platform.Api.Cors;

/// <summary>Checks <see cref="PlatformCorsOptions"/> at start-up, collecting every error and naming its key.</summary>
public sealed class PlatformCorsOptionsValidator : IValidateOptions<PlatformCorsOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformCorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var origins = options.AllowedOrigins;
        for (var i = 0; i < origins.Count; i++)
        {
            var key = $"{PlatformCorsOptions.SectionName}:AllowedOrigins:{i}";
            var origin = origins[i];
            if (origin == PlatformCorsOptions.AnyOrigin)
            {
                if (origins.Count > 1) errors.Add($"{key}: `*` allows every origin and must be the only entry.");
            }
            else if (!IsOrigin(origin))
            {
                errors.Add($"{key} must be `*` or an origin such as https://app.example.com (scheme, host, optional port; no path), not `{origin}`.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // A browser's Origin header is exactly scheme://host[:port]; anything longer would never match one.
    private static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.Equals(value.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
        && !value.EndsWith('/');
}
