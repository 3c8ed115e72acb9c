using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Platform.Search.Meilisearch;

/// <summary>
/// Typed client for the Meilisearch routes the platform uses. Every call takes its credential: an
/// <see cref="AdminCredential"/> for administration, documents, tasks and keys; a <see cref="SearchCredential"/>
/// (normally a tenant token) for search. Errors surface as <see cref="MeilisearchApiException"/> (Meilisearch
/// answered) or <see cref="MeilisearchUnavailableException"/> (it could not answer).
/// Register with <c>services.AddMeilisearchClient()</c>.
/// </summary>
internal sealed partial class MeilisearchClient
{
    private readonly HttpClient _http;
    private readonly MeilisearchOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Creates the client over <paramref name="httpClient"/>. Normally made by <c>IHttpClientFactory</c>; the base
    /// address is taken from <see cref="MeilisearchOptions.Url"/> when the client has none.
    /// </summary>
    public MeilisearchClient(HttpClient httpClient, IOptions<MeilisearchOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _http = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        if (_http.BaseAddress is null)
        {
            _http.BaseAddress = TryParseBaseAddress(_options.Url, out var baseAddress)
                ? baseAddress
                : throw new ArgumentException($"{MeilisearchOptions.SectionName}:Url must be an absolute http(s) URL.", nameof(options));
        }
    }

    /// <summary>The configured admin key (<see cref="MeilisearchOptions.ApiKey"/>) as a credential.</summary>
    public AdminCredential ConfiguredAdminCredential => new(_options.ApiKey!);

    /// <summary>
    /// Parses an absolute http(s) URL and makes sure it ends with '/', so relative paths keep any path prefix
    /// (Meilisearch behind a reverse proxy at <c>https://host/meili/</c>).
    /// </summary>
    internal static bool TryParseBaseAddress(string? url, [NotNullWhen(true)] out Uri? baseAddress)
    {
        baseAddress = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        baseAddress = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return true;
    }

    private MeilisearchCall Admin(HttpMethod method, string path, AdminCredential credential, HttpContent? content = null, bool idempotent = false) =>
        new(method, path, credential.Bearer, content, idempotent || method == HttpMethod.Get, _options.Timeout);

    private MeilisearchCall Search(string path, SearchCredential credential, HttpContent content) =>
        new(HttpMethod.Post, path, credential.Bearer, content, Idempotent: true, _options.SearchTimeout);

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private async Task<T> SendAsync<T>(MeilisearchCall call, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(call, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<T>(body, MeilisearchJson.Options)
                ?? throw new InvalidDataException($"Meilisearch answered {call.Method} /{StripQuery(call.Path)} with a null body.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Meilisearch answered {call.Method} /{StripQuery(call.Path)} with an unexpected body.", e);
        }
    }

    private async Task SendAsync(MeilisearchCall call, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(call, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(MeilisearchCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Path) { Content = call.Content };
        if (call.Bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Bearer);
        }

        request.Options.Set(MeilisearchRequestPolicy.Idempotent, call.Idempotent);
        request.Options.Set(MeilisearchRequestPolicy.AttemptTimeout, call.Timeout);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (ToUnavailable(e, call) is { } unavailable)
        {
            throw unavailable;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await MeilisearchErrorReader.ToExceptionAsync(response, _timeProvider.GetUtcNow(), cancellationToken);
        }
    }

    private static MeilisearchUnavailableException? ToUnavailable(Exception e, MeilisearchCall call)
    {
        var what = $"{call.Method} /{StripQuery(call.Path)}";
        return e switch
        {
            BrokenCircuitException broken => new MeilisearchUnavailableException(
                MeilisearchUnavailableReason.CircuitOpen,
                $"Meilisearch circuit is open; {what} was not sent.",
                broken),
            TimeoutRejectedException or TaskCanceledException => new MeilisearchUnavailableException(
                MeilisearchUnavailableReason.Timeout,
                $"Meilisearch did not answer {what} in time.",
                e),
            HttpRequestException => new MeilisearchUnavailableException(
                MeilisearchUnavailableReason.Transport,
                $"Meilisearch could not be reached for {what}: {e.Message}",
                e),
            _ => null,
        };
    }

    private static string StripQuery(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
