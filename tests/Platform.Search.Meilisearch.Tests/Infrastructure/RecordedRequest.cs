namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>One request as the recording endpoint saw it on the wire.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Authorization => Header("Authorization");

    public string? ContentType => Header("Content-Type");
}
