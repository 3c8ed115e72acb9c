using System.Text;
using System.Text.Json;
using Platform.Search.Serde;

namespace Platform.Search.Tokens;

/// <summary>
/// Reads a tenant token's header as jsonwebtoken's <c>Header</c> struct, with serde's error texts, so a malformed
/// header is refused with Meilisearch's message.
/// </summary>
internal static class TokenHeaderReader
{
    /// <summary>
    /// The algorithm names jsonwebtoken knows, in its declaration order (used in serde's "unknown variant" text).
    /// The first three share values with <see cref="TenantTokenAlgorithm"/>.
    /// </summary>
    public enum KnownAlgorithm
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

    private const string KnownAlgorithmList =
        "`HS256`, `HS384`, `HS512`, `ES256`, `ES384`, `RS256`, `RS384`, `RS512`, `PS256`, `PS384`, `PS512`, `EdDSA`";

    private static readonly (byte[] Utf8, KnownAlgorithm Value)[] AlgorithmNames =
        Enum.GetValues<KnownAlgorithm>().Select(a => (Encoding.UTF8.GetBytes(a.ToString()), a)).ToArray();

    // The fields of jsonwebtoken's Header struct; serde refuses a repeated one.
    private static readonly string[] HeaderFields = ["alg", "typ", "cty", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256"];
    private static readonly byte[][] HeaderFieldsUtf8 = HeaderFields.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Reads the header. Returns a serde-style error or null.</summary>
    public static string? Read(ReadOnlySpan<byte> json, out KnownAlgorithm algorithm)
    {
        algorithm = default;
        try
        {
            if (SerdeJson.StartStruct(json, "struct Header", out var reader) is { } startError)
            {
                return startError;
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
                if (ReadValue(ref reader, json, field < 0 ? null : HeaderFields[field], ref algorithm, ref sawAlgorithm) is { } valueError)
                {
                    return valueError;
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
        catch (InvalidOperationException)
        {
            // A string holding a lone surrogate escape or invalid UTF-8 cannot be read as text; serde_json refuses it too.
            return "lone leading surrogate in hex escape" + SerdeJson.At(json, json.Length);
        }
    }

    /// <summary>Reads the value of one header field (null: a field jsonwebtoken ignores). Returns an error or null.</summary>
    private static string? ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string? field, ref KnownAlgorithm algorithm, ref bool sawAlgorithm)
    {
        switch (field)
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
                return null;
            case "typ" or "cty" or "jku" or "kid" or "x5u" or "x5t" or "x5t#S256":
                return reader.TokenType is not (JsonTokenType.Null or JsonTokenType.String) ? SerdeJson.InvalidType(ref reader, json, "a string") : null;
            case "x5c":
                return ReadCertificateChain(ref reader, json);
            case "jwk":
                // REVIEW: a JWK object is accepted without checking its members; jsonwebtoken parses it fully.
                if (reader.TokenType is not (JsonTokenType.Null or JsonTokenType.StartObject))
                {
                    return SerdeJson.InvalidType(ref reader, json, "struct Jwk");
                }

                reader.Skip();
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary><c>x5c</c>: null or an array of strings.</summary>
    private static string? ReadCertificateChain(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return SerdeJson.InvalidType(ref reader, json, "a string");
                }
            }
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            return SerdeJson.InvalidType(ref reader, json, "a sequence");
        }

        return null;
    }

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
}
