using System.Text;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;
using static Platform.Search.Tests.Tokens.TokenFixtures;

namespace Platform.Search.Tests.Tokens;

public class TenantTokenVerifierTests
{
    private const string Prefix = "Could not decode tenant token, ";

    [Fact]
    public void WorkedExample_VerifiesWithDerivedKey()
    {
        var claims = Verified(Verify(WorkedExample));

        Assert.Equal(Guid.Empty, claims.ApiKeyUid);
        Assert.Equal(4102444800, claims.Exp);
        Assert.Null(claims.Iat);
        Assert.Null(claims.Sub);
        Assert.True(claims.SearchRules.TryGetFilter("sales", out var filter));
        Assert.Equal("color = blue", filter!.Value.GetString());
        Assert.False(claims.SearchRules.Authorizes("products"));
    }

    [Fact]
    public void WorkedExample_WithAnotherMasterKey_InvalidSignature()
    {
        var result = new TenantTokenVerifier(Clock()).Verify(WorkedExample, uid => ApiKeyDerivation.DeriveKey("OTHER_MASTER", uid));
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(result));
    }

    // ---- step 3: segments ----

    [Theory]
    [InlineData("")]
    [InlineData("kefir")]
    [InlineData("a.b")]
    [InlineData(".")]
    [InlineData("aeb94973e0b6e912d94165430bbe87dee91a7c4f891ce19050c3910ec96977e9")]
    public void FewerThanThreeSegments_NotAToken(string bearer)
    {
        Assert.Same(TenantTokenVerification.NotAToken.Instance, Verify(bearer));
    }

    [Fact]
    public void MoreThanThreeSegments_Base64ErrorOnHeader()
    {
        Assert.Equal(Prefix + "Base64 error: Invalid symbol 46, offset 1..", DecodeMessage(Verify("x." + WorkedExample)));
        Assert.Equal(Prefix + "Base64 error: Invalid symbol 46, offset 36..", DecodeMessage(Verify(WorkedExample.Replace(".Zp", ".x.Zp", StringComparison.Ordinal))));
    }

    [Fact]
    public void EmptySegments_HeaderJsonError()
    {
        Assert.Equal(Prefix + "JSON error: EOF while parsing a value at line 1 column 0.", DecodeMessage(Verify("..")));
    }

    // ---- step 4: strict base64url (E7) ----

    [Fact]
    public void PayloadInStandardBase64Alphabet_Base64Error()
    {
        // "???>>>" encodes to "Pz8_Pj4-" in base64url and "Pz8/Pj4+" in standard base64.
        var json = Payload(extra: ",\"note\":\"???>>>\"");
        var url = Url(json);
        Assert.True(url.AsSpan().IndexOfAny('-', '_') >= 0);
        var standard = url.Replace('-', '+').Replace('_', '/');
        var offset = standard.AsSpan().IndexOfAny('+', '/');
        var symbol = (int)standard[offset];

        var message = DecodeMessage(Verify(SignSegments(Url(Hs256Header), standard)));

        Assert.Equal($"{Prefix}Base64 error: Invalid symbol {symbol}, offset {offset}..", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("  ")]
    public void PaddedPayload_Base64Error(string filler)
    {
        var json = Payload(extra: ",\"f\":\"" + filler + "\"");
        var padding = (3 - Encoding.UTF8.GetByteCount(json) % 3) % 3;
        if (padding == 0)
        {
            return; // this filler gives a length with no padding; the other fillers cover 1 and 2
        }

        var message = DecodeMessage(Verify(SignSegments(Url(Hs256Header), Url(json) + new string('=', padding))));

        Assert.Equal(Prefix + "Base64 error: Invalid padding.", message);
    }

    [Fact]
    public void PaddedHeader_Base64Error()
    {
        // 17 bytes: base64 needs one '=' to pad.
        var header = Url("""{"alg":"HS256"  }""") + "=";
        Assert.Equal(Prefix + "Base64 error: Invalid padding.", DecodeMessage(Verify(SignSegments(header, Url(Payload())))));
    }

    [Fact]
    public void NonCanonicalLastSymbolOfSignature_Base64Error()
    {
        var token = Sign(Hs256Header, Payload());
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = token[^1];
        var flipped = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];
        var tampered = token[..^1] + flipped;
        var offset = token.Length - token.LastIndexOf('.') - 2;

        Assert.Equal($"{Prefix}Base64 error: Invalid last symbol {(int)flipped}, offset {offset}..", DecodeMessage(Verify(tampered)));
    }

    [Fact]
    public void SignatureWithPadding_Base64Error()
    {
        var token = Sign(Hs256Header, Payload()); // 32-byte MAC: 43 symbols, one '=' in padded form
        Assert.Equal(Prefix + "Base64 error: Invalid padding.", DecodeMessage(Verify(token + "=")));
    }

    // ---- step 4: header JSON (E9) and step 6: algorithm (E8) ----

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("EdDSA")]
    public void KnownNonHmacAlgorithm_InvalidAlgorithm(string alg)
    {
        var token = Sign($$"""{"alg":"{{alg}}","typ":"JWT"}""", Payload());
        Assert.Equal(Prefix + "InvalidAlgorithm.", DecodeMessage(Verify(token)));
    }

    [Theory]
    [InlineData("""{"alg":"none"}""", "unknown variant `none`, expected one of `HS256`, `HS384`, `HS512`, `ES256`, `ES384`, `RS256`, `RS384`, `RS512`, `PS256`, `PS384`, `PS512`, `EdDSA` at line 1 column 14")]
    [InlineData("""{"alg":"hs256"}""", "unknown variant `hs256`, expected one of `HS256`, `HS384`, `HS512`, `ES256`, `ES384`, `RS256`, `RS384`, `RS512`, `PS256`, `PS384`, `PS512`, `EdDSA` at line 1 column 15")]
    [InlineData("""{"typ":"JWT"}""", "missing field `alg` at line 1 column 13")]
    [InlineData("""{"alg":"HS256","alg":"HS256"}""", "duplicate field `alg` at line 1 column 21")]
    [InlineData("""{"alg":"HS256","typ":1}""", "invalid type: integer `1`, expected a string at line 1 column 23")]
    [InlineData("""{"alg":5}""", "expected value at line 1 column 8")]
    [InlineData("""[]""", "invalid type: sequence, expected struct Header at line 1 column 1")]
    public void UnknownOrMissingAlgorithm_JsonError(string header, string detail)
    {
        Assert.Equal(Prefix + "JSON error: " + detail + ".", DecodeMessage(Verify(Sign(header, Payload()))));
    }

    [Fact]
    public void HeaderExtrasAreIgnored()
    {
        var token = Sign("""{"alg":"HS256","typ":"whatever","kid":"k1","cty":null,"custom":{"a":[1]}}""", Payload());
        Verified(Verify(token));
        Verified(Verify(Sign("""{"alg":"HS256"}""", Payload())));
    }

    // ---- step 4: claims JSON (E6) ----

    [Theory]
    [InlineData("""{"tamo":"kefir"}""", "missing field `searchRules` at line 1 column 16")]
    [InlineData("""{"searchRules":"kefir"}""", "data did not match any variant of untagged enum SearchRules at line 1 column 23")]
    [InlineData("""{"searchRules":null,"apiKeyUid":"00000000-0000-0000-0000-000000000000"}""", "data did not match any variant of untagged enum SearchRules at line 1 column 20")]
    [InlineData("""{"searchRules":42}""", "data did not match any variant of untagged enum SearchRules at line 1 column 18")]
    [InlineData("""{"searchRules":["a",1]}""", "data did not match any variant of untagged enum SearchRules at line 1 column 23")]
    [InlineData("""{"searchRules":{"a":"x = 1"}}""", "data did not match any variant of untagged enum SearchRules at line 1 column 29")]
    [InlineData("""{"searchRules":["*"]}""", "missing field `apiKeyUid` at line 1 column 21")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":5}""", "invalid type: integer `5`, expected a UUID string at line 1 column 35")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":null}""", "invalid type: null, expected a UUID string at line 1 column 38")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":1700000000.0}""", "invalid type: floating point `1700000000.0`, expected i64 at line 1 column 91")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":1.5e3}""", "invalid type: floating point `1500.0`, expected i64 at line 1 column 84")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":"4102444800"}""", "invalid type: string \"4102444800\", expected i64 at line 1 column 91")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":true}""", "invalid type: boolean `true`, expected i64 at line 1 column 83")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":[1]}""", "invalid type: sequence, expected i64 at line 1 column 79")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":9223372036854775808}""", "invalid value: integer `9223372036854775808`, expected i64 at line 1 column 98")]
    [InlineData("""{"searchRules":["*"],"searchRules":["*"]}""", "duplicate field `searchRules` at line 1 column 35")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","exp":1,"exp":2}""", "duplicate field `exp` at line 1 column 86")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000","sub":"a","sub":"b"}""", "duplicate field `sub` at line 1 column 88")]
    [InlineData("{\n  \"tamo\": \"kefir\"\n}", "missing field `searchRules` at line 3 column 1")]
    [InlineData("""{"searchRules":["*"],}""", "trailing comma at line 1 column 22")]
    [InlineData("""{"searchRules":["*",]}""", "trailing comma at line 1 column 21")]
    [InlineData("""{1:2}""", "key must be a string at line 1 column 2")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000"} x""", "trailing characters at line 1 column 74")]
    [InlineData("""{"searchRules":["*"],"apiKeyUid":"00000000-0000-0000-0000-000000000000",""", "EOF while parsing an object at line 1 column 72")]
    [InlineData("""{"searchRules":[*]}""", "expected value at line 1 column 17")]
    [InlineData("""{"searchRules":["*",""", "EOF while parsing a value at line 1 column 20")]
    [InlineData("{\"searchRules\":[\"*", "EOF while parsing a string at line 1 column 18")]
    [InlineData("""{"searchRules":[""", "EOF while parsing a list at line 1 column 16")]
    [InlineData("""{"searchRules":tru""", "EOF while parsing a value at line 1 column 18")]
    [InlineData("""["*"]""", "invalid type: sequence, expected struct Claims at line 1 column 1")]
    public void ClaimsJson_SerdeStyleErrors(string payload, string detail)
    {
        Assert.Equal(Prefix + "JSON error: " + detail + ".", DecodeMessage(Verify(Sign(Hs256Header, payload))));
    }

    [Theory]
    [InlineData("kefir")]
    [InlineData("00000000-0000-0000-0000-00000000000")]
    [InlineData("00000000000000000000000000000000000")]
    [InlineData("{00000000000000000000000000000000}")]
    [InlineData("URN:UUID:00000000-0000-0000-0000-000000000000")]
    [InlineData("0000000-00000-0000-0000-000000000000")]
    public void ApiKeyUidNotAUuid_JsonError(string uid)
    {
        var payload = "{\"searchRules\":[\"*\"],\"apiKeyUid\":\"" + uid + "\"}";
        var message = DecodeMessage(Verify(Sign(Hs256Header, payload)));
        Assert.StartsWith(Prefix + "JSON error: UUID parsing failed: invalid ", message, StringComparison.Ordinal);
        Assert.EndsWith($" at line 1 column {payload.Length}.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4bc0887a-0e41-4f3b-935d-0c451dcee9c8")]
    [InlineData("4BC0887A-0E41-4F3B-935D-0C451DCEE9C8")]
    [InlineData("4bc0887a0e414f3b935d0c451dcee9c8")]
    [InlineData("{4bc0887a-0e41-4f3b-935d-0c451dcee9c8}")]
    [InlineData("urn:uuid:4bc0887a-0e41-4f3b-935d-0c451dcee9c8")]
    public void ApiKeyUid_FormsTheRustUuidCrateAccepts(string uid)
    {
        var key = "d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c";
        var payload = "{\"searchRules\":[\"*\"],\"apiKeyUid\":\"" + uid + "\"}";

        var claims = Verified(Verify(Sign(Hs256Header, payload, key)));

        Assert.Equal(Guid.Parse("4bc0887a-0e41-4f3b-935d-0c451dcee9c8"), claims.ApiKeyUid);
    }

    [Fact]
    public void UnknownAndIgnoredClaims_AreAccepted()
    {
        var payload = Payload(extra: ""","exp":null,"nbf":9999999999,"iss":"me","jti":"x","custom":{"deep":[1,{"a":null}]},"iat":1699999999,"sub":"user-42","aud":null""");

        var claims = Verified(Verify(Sign(Hs256Header, payload)));

        Assert.Null(claims.Exp);
        Assert.Equal(1699999999, claims.Iat);
        Assert.Equal("user-42", claims.Sub);
    }

    [Fact]
    public void SubAndIatOfOtherTypes_AreIgnored()
    {
        var claims = Verified(Verify(Sign(Hs256Header, Payload(extra: ""","sub":5,"iat":"yesterday" """))));
        Assert.Null(claims.Sub);
        Assert.Null(claims.Iat);
    }

    // ---- step 6: signature (E10) and audience (E11) ----

    [Fact]
    public void WrongSecrets_InvalidSignature()
    {
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(Sign(Hs256Header, Payload(), key: MasterKey))));
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(Sign(Hs256Header, Payload(), key: NilUid))));
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(Sign(Hs256Header, Payload(), key: NilKey.ToUpperInvariant()))));
    }

    [Fact]
    public void TamperedPayload_InvalidSignature()
    {
        var token = Sign(Hs256Header, Payload("""{"sales":{"filter":"tenant = 1"}}"""));
        var parts = token.Split('.');
        var forged = parts[0] + "." + Url(Payload("""{"sales":null}""")) + "." + parts[2];

        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(forged)));
    }

    [Fact]
    public void HeaderSaysHs384OverHs256Signature_InvalidSignature()
    {
        var token = SignSegments(Url("""{"alg":"HS384","typ":"JWT"}"""), Url(Payload()), algorithm: TenantTokenAlgorithm.HS256);
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(token)));
    }

    [Fact]
    public void TruncatedOrEmptySignature_InvalidSignature()
    {
        var token = Sign(Hs256Header, Payload());
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(token[..(token.LastIndexOf('.') + 1)])));
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(token[..^3]))); // 40 symbols: valid base64, 30 bytes
    }

    [Theory]
    [InlineData("\"aud\":\"meilisearch\"")]
    [InlineData("\"aud\":[\"a\",\"b\"]")]
    [InlineData("\"aud\":\"\"")]
    public void AudiencePresent_InvalidAudience(string aud)
    {
        Assert.Equal(Prefix + "InvalidAudience.", DecodeMessage(Verify(Sign(Hs256Header, Payload(extra: "," + aud)))));
    }

    [Theory]
    [InlineData(TenantTokenAlgorithm.HS256, """{"alg":"HS256","typ":"JWT"}""")]
    [InlineData(TenantTokenAlgorithm.HS384, """{"alg":"HS384","typ":"JWT"}""")]
    [InlineData(TenantTokenAlgorithm.HS512, """{"alg":"HS512","typ":"JWT"}""")]
    public void EachHmacAlgorithm_Verifies(TenantTokenAlgorithm algorithm, string header)
    {
        var result = Assert.IsType<TenantTokenVerification.Verified>(Verify(Sign(header, Payload(), algorithm: algorithm)));
        Assert.Equal(algorithm, result.Algorithm);
    }

    // ---- step 7: expiry (E12) ----

    [Fact]
    public void ExpEqualToNow_IsValid_OneSecondLater_Expired()
    {
        var clock = Clock();
        var token = Sign(Hs256Header, Payload(extra: $",\"exp\":{Now}"));

        Verified(Verify(token, clock));

        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.IsType<TenantTokenVerification.Expired>(Verify(token, clock));
        Assert.Equal($"Tenant token expired. Was valid up to `{Now}` and we're now `{Now + 1}`.", expired.Message);
        Assert.Equal(Now, expired.Exp);
        Assert.Equal(Now + 1, expired.Now);
        Assert.Equal(Guid.Empty, expired.Claims.ApiKeyUid);
    }

    [Fact]
    public void SubSecondTimeDoesNotExpireEarly()
    {
        var clock = Clock();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Verified(Verify(Sign(Hs256Header, Payload(extra: $",\"exp\":{Now}")), clock));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(long.MinValue)]
    public void NegativeOrPastExp_Expired(long exp)
    {
        var expired = Assert.IsType<TenantTokenVerification.Expired>(Verify(Sign(Hs256Header, Payload(extra: $",\"exp\":{exp}"))));
        Assert.Equal($"Tenant token expired. Was valid up to `{exp}` and we're now `{Now}`.", expired.Message);
    }

    [Fact]
    public void EmptyRulesToken_StillVerifies_AuthorizesNothing()
    {
        var claims = Verified(Verify(Sign(Hs256Header, Payload("[]"))));
        Assert.False(claims.SearchRules.Authorizes("sales"));
        Assert.Equal("[]", claims.SearchRules.FormatPatternList());
    }

    // ---- order of checks (docs/tenant-tokens.md#the-decision-order): decode, then alg/signature/audience, then expiry ----

    [Fact]
    public void Order_ClaimsErrorBeforeAlgorithmAndSignature()
    {
        var token = Sign("""{"alg":"RS256"}""", """{"tamo":"kefir"}""", key: "wrong-key-wrong-key");
        Assert.StartsWith(Prefix + "JSON error: missing field `searchRules`", DecodeMessage(Verify(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void Order_HeaderErrorBeforePayloadBase64()
    {
        var token = SignSegments(Url("""{"alg":"none"}"""), "%%%");
        Assert.StartsWith(Prefix + "JSON error: unknown variant `none`", DecodeMessage(Verify(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void Order_AlgorithmBeforeSignatureBase64()
    {
        var token = Sign("""{"alg":"ES256"}""", Payload()) + "==";
        Assert.Equal(Prefix + "InvalidAlgorithm.", DecodeMessage(Verify(token)));
    }

    [Fact]
    public void Order_SignatureBeforeAudienceAndExpiry()
    {
        var token = Sign(Hs256Header, Payload(extra: ",\"aud\":\"x\",\"exp\":1"), key: "not-the-right-key");
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(token)));
    }

    [Fact]
    public void Order_AudienceBeforeExpiry()
    {
        var token = Sign(Hs256Header, Payload(extra: ",\"aud\":\"x\",\"exp\":1"));
        Assert.Equal(Prefix + "InvalidAudience.", DecodeMessage(Verify(token)));
    }

    [Fact]
    public void Order_ExpiredIsReportedWhateverTheRules()
    {
        var token = Sign(Hs256Header, Payload("{}", extra: ",\"exp\":1"));
        Assert.IsType<TenantTokenVerification.Expired>(Verify(token));
    }

    [Fact]
    public void Verify_PassesTheUidToTheKeyDelegate()
    {
        Guid? seen = null;
        var result = new TenantTokenVerifier(Clock()).Verify(WorkedExample, uid =>
        {
            seen = uid;
            return NilKey;
        });

        Verified(result);
        Assert.Equal(Guid.Empty, seen);
    }

    [Fact]
    public void LargeToken_UsesPooledBuffers()
    {
        var filter = string.Join(" OR ", Enumerable.Range(0, 500).Select(i => $"id = {i}"));
        var token = Sign(Hs256Header, Payload("{\"sales\":{\"filter\":\"" + filter + "\"}}"));

        var claims = Verified(Verify(token));

        Assert.True(claims.SearchRules.TryGetFilter("sales", out var chosen));
        Assert.Equal(filter, chosen!.Value.GetString());
        Assert.Equal(Prefix + "InvalidSignature.", DecodeMessage(Verify(token[..^2] + (token[^2] == 'A' ? "BA" : "AA"))));
    }

    [Fact]
    public void InvalidUtf8InClaims_JsonError()
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(Payload(extra: ",\"x\":\"ab\"")).ToList();
        var index = payload.LastIndexOf((byte)'a');
        payload[index] = 0xFF;
        var token = SignSegments(Url(Hs256Header), Base64Url.Encode(payload.ToArray()));

        Assert.Equal($"{Prefix}JSON error: invalid unicode code point at line 1 column {index + 1}.", DecodeMessage(Verify(token)));
    }

    [Fact]
    public void NonAsciiInToken_Base64ErrorWithUtf8Byte()
    {
        Assert.Equal(Prefix + "Base64 error: Invalid symbol 195, offset 0..", DecodeMessage(Verify("é.a.b")));
    }

    [Fact]
    public void RulesFromVerifiedToken_MatchSearchRulesParse()
    {
        const string rules = """{"*":{"filter":"tenant = 1"},"sal*":{"filter":["color = blue"]},"sales":null}""";
        var claims = Verified(Verify(Sign(Hs256Header, Payload(rules))));
        Assert.Equal(SearchRules.Parse(rules), claims.SearchRules);
    }
}
