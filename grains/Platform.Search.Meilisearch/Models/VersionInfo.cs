namespace Platform.Search.Meilisearch;

/// <summary>Answer of <c>GET /version</c>.</summary>
/// <param name="CommitSha">Build commit.</param>
/// <param name="CommitDate">Build commit date.</param>
/// <param name="PkgVersion">Meilisearch version, e.g. <c>1.50.0</c>.</param>
internal sealed record VersionInfo(string CommitSha, string CommitDate, string PkgVersion);
