using System.Text;

namespace Platform.Search.Meilisearch;

/// <summary>An API key resource (docs/api-reference.md#tenant-keys). <see cref="Key"/> is a secret and is redacted from <see cref="ToString"/>.</summary>
/// <param name="Name">Optional name.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Key">The key value (64 hex characters): the bearer, and the HMAC secret of tenant tokens.</param>
/// <param name="Uid">The key's uid.</param>
/// <param name="Actions">Allowed actions, e.g. <c>search</c>.</param>
/// <param name="Indexes">Index uid patterns.</param>
/// <param name="ExpiresAt">Expiry; null for never.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last update time.</param>
internal sealed record KeyInfo(
    string? Name,
    string? Description,
    string Key,
    Guid Uid,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Indexes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    private bool PrintMembers(StringBuilder builder)
    {
        // Why: records print every property; a key value in a log line is a leaked credential.
        builder.Append("Name = ").Append(Name)
            .Append(", Uid = ").Append(Uid)
            .Append(", Key = ***")
            .Append(", Actions = [").AppendJoin(", ", Actions).Append(']')
            .Append(", Indexes = [").AppendJoin(", ", Indexes).Append(']');
        return true;
    }
}
