using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Search.Tokens;

/// <summary>
/// Reads a bearer value as a Meilisearch tenant token and decides exactly as Meilisearch does (docs/tenant-tokens.md#the-decision-order steps
/// 3–7): segment count, strict base64url, header JSON, claims JSON, algorithm, signature, audience, expiry, in that
/// order, the first failure winning. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The parent key is not looked up here; only its value is needed, and the caller derives it from the uid (normally
/// <c>uid =&gt; ApiKeyDerivation.DeriveKey(masterKey, uid)</c>). Whether the key exists, covers the index and holds
/// <c>search</c> are later steps. See docs/tenant-tokens.md for where messages differ from Meilisearch's.
/// </remarks>
public sealed class TenantTokenVerifier
{
    /// <summary>The prefix of every decode/signature message.</summary>
    public const string DecodeMessagePrefix = "Could not decode tenant token, ";

    private const int StackLimit = 1024;

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier that reads "now" from <paramref name="timeProvider"/>.</summary>
    public TenantTokenVerifier(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The expiry message of error case E12 (docs/tenant-tokens.md#error-cases).</summary>
    public static string ExpiredMessage(long exp, long now) =>
        string.Create(CultureInfo.InvariantCulture, $"Tenant token expired. Was valid up to `{exp}` and we're now `{now}`.");

    /// <summary>
    /// Decides on <paramref name="bearer"/> (the text after <c>Bearer </c>). <paramref name="parentKeyValue"/> returns
    /// the parent key's value for a uid; its UTF-8 bytes are the HMAC secret.
    /// </summary>
    public TenantTokenVerification Verify(string bearer, Func<Guid, string> parentKeyValue)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        ArgumentNullException.ThrowIfNull(parentKeyValue);

        // Step 3. Split from the right, as jsonwebtoken does: with more than three segments the header keeps a dot.
        var last = bearer.LastIndexOf('.');
        var second = last <= 0 ? -1 : bearer.LastIndexOf('.', last - 1);
        if (second < 0)
        {
            return TenantTokenVerification.NotAToken.Instance;
        }

        var headerText = bearer.AsSpan(0, second);
        var payloadText = bearer.AsSpan(second + 1, last - second - 1);
        var signatureText = bearer.AsSpan(last + 1);

        // Step 4. Decode header and claims without verifying.
        var bufferLength = Math.Max(Base64Url.DecodedLength(headerText.Length), Base64Url.DecodedLength(payloadText.Length));
        byte[]? rented = null;
        var buffer = bufferLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(bufferLength));
        try
        {
            if (!Base64Url.TryDecode(headerText, buffer, out var headerLength, out var base64Error))
            {
                return Fail(TenantTokenDecodeFailure.Base64, "Base64 error: " + base64Error);
            }

            if (TokenHeaderReader.Read(buffer[..headerLength], out var algorithm) is { } headerError)
            {
                return Fail(TenantTokenDecodeFailure.Json, "JSON error: " + headerError);
            }

            if (!Base64Url.TryDecode(payloadText, buffer, out var payloadLength, out base64Error))
            {
                return Fail(TenantTokenDecodeFailure.Base64, "Base64 error: " + base64Error);
            }

            if (TokenClaimsReader.Read(buffer[..payloadLength], out var claims, out var hasAudience) is { } claimsError)
            {
                return Fail(TenantTokenDecodeFailure.Json, "JSON error: " + claimsError);
            }

            return Decide(algorithm, claims, hasAudience, bearer.AsSpan(0, last), signatureText, parentKeyValue);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Steps 6 and 7, on a token whose header and claims decoded.</summary>
    private TenantTokenVerification Decide(
        TokenHeaderReader.KnownAlgorithm algorithm,
        TenantTokenClaims claims,
        bool hasAudience,
        ReadOnlySpan<char> signedText,
        ReadOnlySpan<char> signatureText,
        Func<Guid, string> parentKeyValue)
    {
        // Step 6. Algorithm, signature (with the derived parent key value), audience.
        if (algorithm is not (TokenHeaderReader.KnownAlgorithm.HS256 or TokenHeaderReader.KnownAlgorithm.HS384 or TokenHeaderReader.KnownAlgorithm.HS512))
        {
            return Fail(TenantTokenDecodeFailure.InvalidAlgorithm, "InvalidAlgorithm");
        }

        var hmac = (TenantTokenAlgorithm)(int)algorithm;
        if (VerifySignature(signedText, signatureText, hmac, parentKeyValue(claims.ApiKeyUid)) is { } signatureFailure)
        {
            return signatureFailure;
        }

        if (hasAudience)
        {
            return Fail(TenantTokenDecodeFailure.InvalidAudience, "InvalidAudience");
        }

        // Step 7. Expired iff now > exp: no leeway, exp == now is still valid.
        if (claims.Exp is { } exp)
        {
            var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
            if (now > exp)
            {
                return new TenantTokenVerification.Expired(ExpiredMessage(exp, now), exp, now, claims);
            }
        }

        return new TenantTokenVerification.Verified(claims, hmac);
    }

    private static TenantTokenVerification.DecodeError Fail(TenantTokenDecodeFailure failure, string detail) =>
        new(failure, DecodeMessagePrefix + detail + ".");

    private static TenantTokenVerification.DecodeError? VerifySignature(
        ReadOnlySpan<char> signedText,
        ReadOnlySpan<char> signatureText,
        TenantTokenAlgorithm algorithm,
        string keyValue)
    {
        ArgumentNullException.ThrowIfNull(keyValue);
        byte[]? rentedSignature = null, rentedMessage = null, rentedKey = null;
        try
        {
            var signatureLength = Base64Url.DecodedLength(signatureText.Length);
            var signature = signatureLength <= 128 ? stackalloc byte[128] : (rentedSignature = ArrayPool<byte>.Shared.Rent(signatureLength));
            if (!Base64Url.TryDecode(signatureText, signature, out signatureLength, out var base64Error))
            {
                return Fail(TenantTokenDecodeFailure.Base64, "Base64 error: " + base64Error);
            }

            // Header and payload passed the base64url alphabet check, so the signed text is ASCII.
            var message = signedText.Length <= StackLimit ? stackalloc byte[StackLimit] : (rentedMessage = ArrayPool<byte>.Shared.Rent(signedText.Length));
            message = message[..Encoding.ASCII.GetBytes(signedText, message)];

            var keyLength = Encoding.UTF8.GetMaxByteCount(keyValue.Length);
            var key = keyLength <= 256 ? stackalloc byte[256] : (rentedKey = ArrayPool<byte>.Shared.Rent(keyLength));
            key = key[..Encoding.UTF8.GetBytes(keyValue, key)];

            Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
            var macLength = algorithm switch
            {
                TenantTokenAlgorithm.HS256 => HMACSHA256.HashData(key, message, mac),
                TenantTokenAlgorithm.HS384 => HMACSHA384.HashData(key, message, mac),
                _ => HMACSHA512.HashData(key, message, mac),
            };

            var matches = CryptographicOperations.FixedTimeEquals(mac[..macLength], signature[..signatureLength]);
            CryptographicOperations.ZeroMemory(key);
            return matches ? null : Fail(TenantTokenDecodeFailure.InvalidSignature, "InvalidSignature");
        }
        finally
        {
            if (rentedSignature is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedSignature);
            }

            if (rentedMessage is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedMessage);
            }

            if (rentedKey is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedKey, clearArray: true);
            }
        }
    }
}
