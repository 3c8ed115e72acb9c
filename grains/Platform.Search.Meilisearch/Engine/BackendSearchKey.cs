using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// The search-only Meilisearch key backend tokens are signed with: <c>actions: ["search"]</c>, <c>indexes:
/// ["{prefix}*"]</c>. Its value is a secret (the HMAC key of every backend token) and is redacted from
/// <see cref="ToString"/>; it is only held in memory.
/// </summary>
/// <param name="Uid">The key's uid (the token's <c>apiKeyUid</c>).</param>
/// <param name="Key">The key's value as Meilisearch returned it.</param>
internal sealed record BackendSearchKey(Guid Uid, string Key)
{
    /// <summary>The fixed uid used when none is configured: derived from the index prefix, so every silo agrees on it.</summary>
    public static Guid DefaultUid(string indexPrefix)
    {
        ArgumentNullException.ThrowIfNull(indexPrefix);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("platform/backend-search-key/" + indexPrefix), hash);

        // RFC 9562 version 8 (custom) with the RFC variant bits, so it is a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// Finds the key by <paramref name="uid"/>, creating it when Meilisearch does not have it. Idempotent across silos:
    /// a concurrent creation (409 <c>api_key_already_exists</c>) is followed by a read. A key with that uid but other
    /// actions or indexes is refused rather than used, since it could grant more than search on the prefix.
    /// </summary>
    public static async Task<BackendSearchKey> EnsureAsync(
        MeilisearchClient client, AdminCredential admin, Guid uid, string indexPattern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        KeyInfo key;
        try
        {
            key = await client.GetKeyAsync(admin, uid.ToString("D"), cancellationToken);
        }
        catch (MeilisearchApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            var request = new CreateKeyRequest(["search"], [indexPattern], ExpiresAt: null)
            {
                Uid = uid,
                Name = "Platform backend search",
                Description = "Signs the platform's backend tenant tokens. Managed by the platform; do not edit.",
            };
            try
            {
                key = await client.CreateKeyAsync(admin, request, cancellationToken);
            }
            catch (MeilisearchApiException conflict) when (conflict.StatusCode == HttpStatusCode.Conflict)
            {
                key = await client.GetKeyAsync(admin, uid.ToString("D"), cancellationToken);
            }
        }

        if (key.Actions is not ["search"] || key.Indexes is not [var pattern] || pattern != indexPattern)
        {
            throw new InvalidOperationException(
                $"Meilisearch key {uid} exists with actions [{string.Join(", ", key.Actions)}] and indexes [{string.Join(", ", key.Indexes)}]; " +
                $"the platform needs actions [search] and indexes [{indexPattern}]. Delete that key, or set {MeilisearchOptions.SectionName}:SearchKeyUid to another uid.");
        }

        return new BackendSearchKey(key.Uid, key.Key);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Uid = ").Append(Uid).Append(", Key = ***");
        return true;
    }
}
