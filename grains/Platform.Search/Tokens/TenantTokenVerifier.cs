using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Search.Rules;
using Platform.Search.Serde;

namespace Platform.Search.Tokens;

/// <summary>
/// Reads a bearer value as a Meilisearch tenant token and decides exactly as Meilisearch does (compat §2.3 steps
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

    /// <summary>The expiry message of compat E12.</summary>
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

            if (ReadHeader(buffer[..headerLength], out var algorithm) is { } headerError)
            {
                return Fail(TenantTokenDecodeFailure.Json, "JSON error: " + headerError);
            }

            if (!Base64Url.TryDecode(payloadText, buffer, out var payloadLength, out base64Error))
            {
                return Fail(TenantTokenDecodeFailure.Base64, "Base64 error: " + base64Error);
            }

            if (ReadClaims(buffer[..payloadLength], out var claims, out var hasAudience) is { } claimsError)
            {
                return Fail(TenantTokenDecodeFailure.Json, "JSON error: " + claimsError);
            }

            // Step 6. Algorithm, signature (with the derived parent key value), audience.
            if (algorithm is not (KnownAlgorithm.HS256 or KnownAlgorithm.HS384 or KnownAlgorithm.HS512))
            {
                return Fail(TenantTokenDecodeFailure.InvalidAlgorithm, "InvalidAlgorithm");
            }

            var hmac = (TenantTokenAlgorithm)(int)algorithm;
            if (VerifySignature(bearer.AsSpan(0, last), signatureText, hmac, parentKeyValue(claims.ApiKeyUid)) is { } signatureFailure)
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
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
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

    // The algorithm names jsonwebtoken knows, in its declaration order (used in serde's "unknown variant" text).
    // The first three share values with TenantTokenAlgorithm.
    private enum KnownAlgorithm
    {
        HS256,
        HS384,
        HS512,
        ES256,
        ES384,
        RS256,
        RS384,
        RS512,
        PS256,
        PS384,
        PS512,
        EdDSA,
    }

    private static readonly (byte[] Utf8, KnownAlgorithm Value)[] AlgorithmNames =
        Enum.GetValues<KnownAlgorithm>().Select(a => (Encoding.UTF8.GetBytes(a.ToString()), a)).ToArray();

    // The fields of jsonwebtoken's Header struct; serde refuses a repeated one.
    private static readonly string[] HeaderFields = ["alg", "typ", "cty", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256"];
    private static readonly byte[][] HeaderFieldsUtf8 = HeaderFields.Select(Encoding.UTF8.GetBytes).ToArray();

    private static int HeaderFieldIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < HeaderFieldsUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(HeaderFieldsUtf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryReadAlgorithm(ref Utf8JsonReader reader, out KnownAlgorithm algorithm)
    {
        foreach (var (utf8, value) in AlgorithmNames)
        {
            if (reader.ValueTextEquals(utf8))
            {
                algorithm = value;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    private const string KnownAlgorithmList =
        "`HS256`, `HS384`, `HS512`, `ES256`, `ES384`, `RS256`, `RS384`, `RS512`, `PS256`, `PS384`, `PS512`, `EdDSA`";

    /// <summary>Reads the header as jsonwebtoken's <c>Header</c> struct. Returns a serde-style error or null.</summary>
    private static string? ReadHeader(ReadOnlySpan<byte> json, out KnownAlgorithm algorithm)
    {
        algorithm = default;
        if (SerdeJson.CheckUtf8(json) is { } utf8Error)
        {
            return utf8Error;
        }

        var reader = new Utf8JsonReader(json, SerdeJson.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return SerdeJson.EndOfInput(json);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return InvalidType(ref reader, json, "struct Header");
            }

            var seen = 0;
            var sawAlgorithm = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = HeaderFieldIndex(ref reader);
                var keyEnd = SerdeJson.EndOfToken(in reader);
                if (field >= 0)
                {
                    if ((seen & (1 << field)) != 0)
                    {
                        return $"duplicate field `{HeaderFields[field]}`" + SerdeJson.At(json, keyEnd);
                    }

                    seen |= 1 << field;
                }

                reader.Read();
                switch (field < 0 ? null : HeaderFields[field])
                {
                    case "alg":
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            var start = reader.TokenStartIndex;
                            return "expected value" + SerdeJson.At(json, start);
                        }

                        if (!TryReadAlgorithm(ref reader, out algorithm))
                        {
                            return $"unknown variant `{reader.GetString()}`, expected one of {KnownAlgorithmList}" + SerdeJson.At(json, SerdeJson.EndOfToken(in reader));
                        }

                        sawAlgorithm = true;
                        break;
                    case "typ" or "cty" or "jku" or "kid" or "x5u" or "x5t" or "x5t#S256":
                        if (reader.TokenType is not (JsonTokenType.Null or JsonTokenType.String))
                        {
                            return InvalidType(ref reader, json, "a string");
                        }

                        break;
                    case "x5c":
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                if (reader.TokenType != JsonTokenType.String)
                                {
                                    return InvalidType(ref reader, json, "a string");
                                }
                            }
                        }
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            return InvalidType(ref reader, json, "a sequence");
                        }

                        break;
                    case "jwk":
                        // REVIEW: a JWK object is accepted without checking its members; jsonwebtoken parses it fully.
                        if (reader.TokenType is not (JsonTokenType.Null or JsonTokenType.StartObject))
                        {
                            return InvalidType(ref reader, json, "struct Jwk");
                        }

                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!sawAlgorithm)
            {
                return "missing field `alg`" + SerdeJson.At(json, reader.TokenStartIndex);
            }

            if (reader.Read())
            {
                return "trailing characters" + SerdeJson.At(json, reader.TokenStartIndex);
            }

            return null;
        }
        catch (JsonException exception)
        {
            return SerdeJson.SyntaxError(exception, json);
        }
    }

    /// <summary>
    /// Reads the claims as Meilisearch's <c>Claims</c> struct (<c>searchRules</c>, <c>apiKeyUid</c>, <c>exp</c>), then
    /// as jsonwebtoken's validation view (<c>exp</c>, <c>nbf</c>, <c>sub</c>, <c>iss</c>, <c>aud</c>). Returns a
    /// serde-style error or null.
    /// </summary>
    private static string? ReadClaims(ReadOnlySpan<byte> json, out TenantTokenClaims claims, out bool hasAudience)
    {
        claims = null!;
        hasAudience = false;
        if (SerdeJson.CheckUtf8(json) is { } utf8Error)
        {
            return utf8Error;
        }

        var reader = new Utf8JsonReader(json, SerdeJson.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return SerdeJson.EndOfInput(json);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return InvalidType(ref reader, json, "struct Claims");
            }

            SearchRules? rules = null;
            Guid? uid = null;
            long? exp = null, iat = null;
            string? sub = null;
            bool sawExp = false, sawIat = false, sawSub = false, sawAud = false, sawNbf = false, sawIss = false;
            string? deferredError = null;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyEnd = SerdeJson.EndOfToken(in reader);
                if (reader.ValueTextEquals("searchRules"u8))
                {
                    if (rules is not null)
                    {
                        return "duplicate field `searchRules`" + SerdeJson.At(json, keyEnd);
                    }

                    reader.Read();
                    var probe = reader;
                    probe.Skip(); // serde buffers the untagged value first: syntax errors inside it come first
                    if (!SearchRules.TryRead(ref reader, out rules))
                    {
                        return SearchRules.UntaggedEnumError + SerdeJson.At(json, probe.BytesConsumed);
                    }
                }
                else if (reader.ValueTextEquals("apiKeyUid"u8))
                {
                    if (uid is not null)
                    {
                        return "duplicate field `apiKeyUid`" + SerdeJson.At(json, keyEnd);
                    }

                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return InvalidType(ref reader, json, "a UUID string");
                    }

                    if (!RustUuid.TryParse(reader.GetString()!, out var parsed, out var uuidError))
                    {
                        return "UUID parsing failed: " + uuidError + SerdeJson.At(json, SerdeJson.EndOfToken(in reader));
                    }

                    uid = parsed;
                }
                else if (reader.ValueTextEquals("exp"u8))
                {
                    if (sawExp)
                    {
                        return "duplicate field `exp`" + SerdeJson.At(json, keyEnd);
                    }

                    sawExp = true;
                    reader.Read();
                    if (ReadOptionalInt64(ref reader, json, out exp) is { } expError)
                    {
                        return expError;
                    }
                }
                else if (reader.ValueTextEquals("aud"u8))
                {
                    deferredError ??= Duplicate(ref sawAud, "aud", json, keyEnd);
                    reader.Read();
                    hasAudience |= reader.TokenType != JsonTokenType.Null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("sub"u8))
                {
                    deferredError ??= Duplicate(ref sawSub, "sub", json, keyEnd);
                    reader.Read();
                    sub = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("iat"u8))
                {
                    // REVIEW: Meilisearch ignores a repeated iat; the platform refuses it because revocation reads iat.
                    deferredError ??= Duplicate(ref sawIat, "iat", json, keyEnd);
                    reader.Read();
                    iat = reader.TokenType == JsonTokenType.Number && SerdeJson.Classify(reader.ValueSpan, out var value) == SerdeJson.NumberKind.Signed
                        ? value
                        : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("nbf"u8) || reader.ValueTextEquals("iss"u8))
                {
                    deferredError ??= reader.ValueTextEquals("nbf"u8)
                        ? Duplicate(ref sawNbf, "nbf", json, keyEnd)
                        : Duplicate(ref sawIss, "iss", json, keyEnd);
                    reader.Read();
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip(); // unknown claims are ignored
                }
            }

            var end = reader.TokenStartIndex;
            if (rules is null)
            {
                return "missing field `searchRules`" + SerdeJson.At(json, end);
            }

            if (uid is null)
            {
                return "missing field `apiKeyUid`" + SerdeJson.At(json, end);
            }

            if (reader.Read())
            {
                return "trailing characters" + SerdeJson.At(json, reader.TokenStartIndex);
            }

            if (deferredError is not null)
            {
                return deferredError;
            }

            claims = new TenantTokenClaims(uid.Value, rules, exp, iat, sub);
            return null;
        }
        catch (JsonException exception)
        {
            return SerdeJson.SyntaxError(exception, json);
        }
    }

    private static string? Duplicate(ref bool seen, string name, ReadOnlySpan<byte> json, long keyEnd)
    {
        if (seen)
        {
            return $"duplicate field `{name}`" + SerdeJson.At(json, keyEnd);
        }

        seen = true;
        return null;
    }

    /// <summary><c>Option&lt;i64&gt;</c> as serde_json reads it: null, or an integer token that fits in i64.</summary>
    private static string? ReadOptionalInt64(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                var end = SerdeJson.EndOfToken(in reader);
                switch (SerdeJson.Classify(reader.ValueSpan, out var signed))
                {
                    case SerdeJson.NumberKind.Signed:
                        value = signed;
                        return null;
                    case SerdeJson.NumberKind.Unsigned:
                        return $"invalid value: {SerdeJson.DescribeNumber(reader.ValueSpan)}, expected i64" + SerdeJson.At(json, end);
                    case SerdeJson.NumberKind.OutOfRange:
                        return "number out of range" + SerdeJson.At(json, end);
                    default:
                        return $"invalid type: {SerdeJson.DescribeNumber(reader.ValueSpan)}, expected i64" + SerdeJson.At(json, end);
                }

            default:
                return InvalidType(ref reader, json, "i64");
        }
    }

    private static string InvalidType(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string expected)
    {
        var (text, peek) = SerdeJson.Unexpected(ref reader);
        return $"invalid type: {text}, expected {expected}" + SerdeJson.At(json, peek);
    }
}
