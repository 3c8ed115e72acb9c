namespace Platform.Search.Meilisearch;

/// <summary>An index as returned by <c>GET /indexes/{uid}</c>.</summary>
/// <param name="Uid">The index uid.</param>
/// <param name="PrimaryKey">The primary key attribute; null until set or inferred.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last update time.</param>
internal sealed record IndexInfo(string Uid, string? PrimaryKey, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
