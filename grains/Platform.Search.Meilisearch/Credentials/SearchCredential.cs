namespace Platform.Search.Meilisearch;

/// <summary>
/// The bearer of a search call: normally a backend-signed tenant token, or a key holding only the <c>search</c>
/// action. Search methods take only this type, never <see cref="AdminCredential"/>, so a tenant's search can only run
/// with the rights the platform meant to give it.
/// </summary>
internal readonly record struct SearchCredential
{
    /// <summary>Wraps <paramref name="token"/> (a tenant token or search key), which must not be empty.</summary>
    public SearchCredential(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
    }

    /// <summary>The tenant token or search key sent as <c>Authorization: Bearer</c>. Null only for <c>default</c>.</summary>
    public string Token { get; }

    /// <summary>Redacted: a tenant token is a bearer secret.</summary>
    public override string ToString() => "SearchCredential { Token = *** }";

    internal string Bearer => Token ?? throw new ArgumentException("An empty SearchCredential (default) cannot authorize a call.");
}
