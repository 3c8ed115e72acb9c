using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Search.Serde;

namespace Platform.Search.Tokens;

/// <summary>
/// Mints tenant tokens in Meilisearch's format: header <c>{"alg":…,"typ":"JWT"}</c>, claims <c>searchRules</c>,
/// <c>apiKeyUid</c>, then <c>exp</c>, <c>iat</c>, <c>sub</c> when set; base64url without padding; HMAC with the key
/// string's UTF-8 bytes. Applies the official SDKs' client-side checks (docs/tenant-tokens.md#minting). Thread-safe.
/// </summary>
public sealed class TenantTokenMinter
{
    /// <summary>The shortest key the SDKs accept (128 bits of text).</summary>
    public const int MinimumKeyLength = 16;

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a minter that reads "now" from <paramref name="timeProvider"/>.</summary>
    public TenantTokenMinter(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Mints a token. Throws <see cref="ArgumentException"/> when a client-side rule is broken.</summary>
    public string Mint(TenantTokenMintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.ApiKey) || request.ApiKey.Length < MinimumKeyLength)
        {
            throw new ArgumentException(
                $"A tenant token needs the parent API key's value, at least {MinimumKeyLength} characters long.",
                nameof(request));
        }

        if (string.IsNullOrEmpty(request.ApiKeyUid) || !Guid.TryParseExact(request.ApiKeyUid, "D", out var uid))
        {
            throw new ArgumentException("The API key uid must be a UUID (8-4-4-4-12 hex digits).", nameof(request));
        }

        if (request.SearchRules is null)
        {
            throw new ArgumentException("Search rules are required.", nameof(request));
        }

        if (!Enum.IsDefined(request.Algorithm))
        {
            throw new ArgumentException("The algorithm must be HS256, HS384 or HS512.", nameof(request));
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (request.ExpiresAt is { } exp && exp < now)
        {
            throw new ArgumentException("The expiry date must be in the future.", nameof(request));
        }

        var header = request.Algorithm switch
        {
            TenantTokenAlgorithm.HS256 => """{"alg":"HS256","typ":"JWT"}"""u8,
            TenantTokenAlgorithm.HS384 => """{"alg":"HS384","typ":"JWT"}"""u8,
            _ => """{"alg":"HS512","typ":"JWT"}"""u8,
        };

        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload, ReadableJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("searchRules"u8);
            writer.WriteRawValue(request.SearchRules.CanonicalJsonUtf8, skipInputValidation: true);
            writer.WriteString("apiKeyUid"u8, uid.ToString("D"));
            if (request.ExpiresAt is { } expiresAt)
            {
                writer.WriteNumber("exp"u8, expiresAt);
            }

            if (request.IncludeIssuedAt)
            {
                writer.WriteNumber("iat"u8, now);
            }

            if (request.Subject is { } subject)
            {
                writer.WriteString("sub"u8, subject);
            }

            writer.WriteEndObject();
        }

        return Sign(header, payload.WrittenSpan, request.ApiKey, request.Algorithm);
    }

    /// <summary>
    /// Assembles and signs a token from raw header and payload JSON, without any check. For tests and tools that
    /// need tokens Meilisearch would refuse.
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, string key, TenantTokenAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signed = Base64Url.Encode(headerJson) + "." + Base64Url.Encode(payloadJson);
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var message = Encoding.ASCII.GetBytes(signed);
        var mac = algorithm switch
        {
            TenantTokenAlgorithm.HS256 => HMACSHA256.HashData(keyBytes, message),
            TenantTokenAlgorithm.HS384 => HMACSHA384.HashData(keyBytes, message),
            _ => HMACSHA512.HashData(keyBytes, message),
        };
        CryptographicOperations.ZeroMemory(keyBytes);
        return signed + "." + Base64Url.Encode(mac);
    }
}
