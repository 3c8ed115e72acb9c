namespace Platform.Search.Meilisearch;

/// <summary>
/// A Meilisearch API key (or the master key) used as the bearer of administrative, document, task and key calls.
/// A distinct type from <see cref="SearchCredential"/> so an admin key cannot be handed to a search method by
/// mistake: the compiler refuses it.
/// </summary>
internal readonly record struct AdminCredential
{
    /// <summary>Wraps <paramref name="apiKey"/>, which must not be empty.</summary>
    public AdminCredential(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ApiKey = apiKey;
    }

    /// <summary>The key value sent as <c>Authorization: Bearer</c>. Null only for <c>default(AdminCredential)</c>.</summary>
    public string ApiKey { get; }

    /// <summary>Redacted: the key is a secret and must not end up in logs.</summary>
    public override string ToString() => "AdminCredential { ApiKey = *** }";

    internal string Bearer => ApiKey ?? throw new ArgumentException("An empty AdminCredential (default) cannot authorize a call.");
}
