using System.Text.Json;
using Platform.Search.Rules;
using Platform.Search.Serde;

namespace Platform.Search.Tokens;

/// <summary>
/// Reads a tenant token's claims as Meilisearch's <c>Claims</c> struct (<c>searchRules</c>, <c>apiKeyUid</c>,
/// <c>exp</c>), then as jsonwebtoken's validation view (<c>exp</c>, <c>nbf</c>, <c>sub</c>, <c>iss</c>, <c>aud</c>),
/// with serde's error texts.
/// </summary>
internal static class TokenClaimsReader
{
    /// <summary>Returns a serde-style error or null.</summary>
    public static string? Read(ReadOnlySpan<byte> json, out TenantTokenClaims claims, out bool hasAudience)
    {
        claims = null!;
        hasAudience = false;
        try
        {
            if (SerdeJson.StartStruct(json, "struct Claims", out var reader) is { } startError)
            {
                return startError;
            }

            var fields = default(Fields);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadField(ref reader, json, ref fields) is { } fieldError)
                {
                    return fieldError;
                }
            }

            hasAudience = fields.HasAudience;
            var end = reader.TokenStartIndex;
            if (fields.Rules is null)
            {
                return "missing field `searchRules`" + SerdeJson.At(json, end);
            }

            if (fields.Uid is null)
            {
                return "missing field `apiKeyUid`" + SerdeJson.At(json, end);
            }

            if (reader.Read())
            {
                return "trailing characters" + SerdeJson.At(json, reader.TokenStartIndex);
            }

            if (fields.DeferredError is not null)
            {
                return fields.DeferredError;
            }

            claims = new TenantTokenClaims(fields.Uid.Value, fields.Rules, fields.Exp, fields.Iat, fields.Sub);
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

    /// <summary>What the claims read so far hold.</summary>
    private struct Fields
    {
        public SearchRules? Rules;
        public Guid? Uid;
        public long? Exp;
        public long? Iat;
        public string? Sub;
        public bool SawExp, SawIat, SawSub, SawAud, SawNbf, SawIss, HasAudience;

        /// <summary>An error of the validation view, reported only once the <c>Claims</c> struct has been read.</summary>
        public string? DeferredError;
    }

    /// <summary>
    /// Reads one claim. The <c>Claims</c> struct's own fields fail at once; the validation view's are read in
    /// jsonwebtoken's second pass, so their errors wait (<see cref="Fields.DeferredError"/>).
    /// </summary>
    private static string? ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref Fields fields)
    {
        var keyEnd = SerdeJson.EndOfToken(in reader);
        if (reader.ValueTextEquals("searchRules"u8))
        {
            if (fields.Rules is not null)
            {
                return "duplicate field `searchRules`" + SerdeJson.At(json, keyEnd);
            }

            reader.Read();
            var probe = reader;
            probe.Skip(); // serde buffers the untagged value first: syntax errors inside it come first
            return SearchRulesReader.TryRead(ref reader, out fields.Rules) ? null : SearchRules.UntaggedEnumError + SerdeJson.At(json, probe.BytesConsumed);
        }

        if (reader.ValueTextEquals("apiKeyUid"u8))
        {
            if (fields.Uid is not null)
            {
                return "duplicate field `apiKeyUid`" + SerdeJson.At(json, keyEnd);
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                return SerdeJson.InvalidType(ref reader, json, "a UUID string");
            }

            if (!RustUuid.TryParse(reader.GetString()!, out var parsed, out var uuidError))
            {
                return "UUID parsing failed: " + uuidError + SerdeJson.At(json, SerdeJson.EndOfToken(in reader));
            }

            fields.Uid = parsed;
            return null;
        }

        if (reader.ValueTextEquals("exp"u8))
        {
            if (fields.SawExp)
            {
                return "duplicate field `exp`" + SerdeJson.At(json, keyEnd);
            }

            fields.SawExp = true;
            reader.Read();
            return ReadOptionalInt64(ref reader, json, out fields.Exp);
        }

        ReadValidationField(ref reader, json, keyEnd, ref fields);
        return null;
    }

    /// <summary>A claim only the validation view reads (<c>aud</c>, <c>sub</c>, <c>iat</c>, <c>nbf</c>, <c>iss</c>), or an ignored one.</summary>
    private static void ReadValidationField(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long keyEnd, ref Fields fields)
    {
        if (reader.ValueTextEquals("aud"u8))
        {
            fields.DeferredError ??= Duplicate(ref fields.SawAud, "aud", json, keyEnd);
            reader.Read();
            fields.HasAudience |= reader.TokenType != JsonTokenType.Null;
        }
        else if (reader.ValueTextEquals("sub"u8))
        {
            fields.DeferredError ??= Duplicate(ref fields.SawSub, "sub", json, keyEnd);
            reader.Read();
            fields.Sub = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        else if (reader.ValueTextEquals("iat"u8))
        {
            // REVIEW: Meilisearch ignores a repeated iat; the platform refuses it because revocation reads iat.
            fields.DeferredError ??= Duplicate(ref fields.SawIat, "iat", json, keyEnd);
            reader.Read();
            fields.Iat = reader.TokenType == JsonTokenType.Number && SerdeJson.Classify(reader.ValueSpan, out var value) == SerdeJson.NumberKind.Signed
                ? value
                : null;
        }
        else if (reader.ValueTextEquals("nbf"u8) || reader.ValueTextEquals("iss"u8))
        {
            fields.DeferredError ??= reader.ValueTextEquals("nbf"u8)
                ? Duplicate(ref fields.SawNbf, "nbf", json, keyEnd)
                : Duplicate(ref fields.SawIss, "iss", json, keyEnd);
            reader.Read();
        }
        else
        {
            reader.Read(); // unknown claims are ignored
        }

        reader.Skip();
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
                return SerdeJson.InvalidType(ref reader, json, "i64");
        }
    }
}
