using System.Text;
using System.Text.Json;
using Platform.Search.Rules;
using Platform.Search.Tokens;
using static Platform.Search.Tests.Tokens.TokenFixtures;

namespace Platform.Search.Tests.Tokens;

public class TenantTokenMinterTests
{
    private readonly TenantTokenMinter _minter = new(Clock());

    [Fact]
    public void ReMintingTheWorkedExample_ReproducesItByteForByte()
    {
        var request = new TenantTokenMintRequest(NilKey, NilUid, SearchRules.Parse("""{"sales": {"filter": "color = blue"}}"""))
        {
            ExpiresAt = 4102444800,
        };

        Assert.Equal(WorkedExample, _minter.Mint(request));
    }

    [Fact]
    public void HeaderAndClaimOrder()
    {
        var request = new TenantTokenMintRequest(NilKey, NilUid.ToUpperInvariant(), SearchRules.Parse("""["b","a"]"""))
        {
            ExpiresAt = Now + 60,
            Algorithm = TenantTokenAlgorithm.HS512,
            IncludeIssuedAt = true,
            Subject = "user-1",
        };

        var parts = _minter.Mint(request).Split('.');

        Assert.Equal("""{"alg":"HS512","typ":"JWT"}""", Decode(parts[0]));
        Assert.Equal(
            $$"""{"searchRules":["a","b"],"apiKeyUid":"{{NilUid}}","exp":{{Now + 60}},"iat":{{Now}},"sub":"user-1"}""",
            Decode(parts[1]));
        Assert.Equal(86, parts[2].Length); // 64 bytes, no padding
        Assert.DoesNotContain('=', string.Concat(parts));
    }

    [Fact]
    public void NoExpiry_NoExpClaim()
    {
        var token = _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, SearchRules.All));
        Assert.Equal($$"""{"searchRules":["*"],"apiKeyUid":"{{NilUid}}"}""", Decode(token.Split('.')[1]));
        Assert.Null(Verified(Verify(token)).Exp);
    }

    [Fact]
    public void NonAsciiRules_AreUtf8AndVerify()
    {
        var rules = SearchRules.Parse("""{"ventes": {"filter": "catégorie = \"été\" AND emoji = \"😀\""}}""");
        var token = _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, rules));
        Assert.Equal(rules, Verified(Verify(token)).SearchRules);
    }

    [Theory]
    [InlineData(TenantTokenAlgorithm.HS256)]
    [InlineData(TenantTokenAlgorithm.HS384)]
    [InlineData(TenantTokenAlgorithm.HS512)]
    public void RoundTrip(TenantTokenAlgorithm algorithm)
    {
        var rules = SearchRules.Parse("""{"*": {"filter": "tenant = 7"}, "sales": null}""");
        var token = _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, rules)
        {
            Algorithm = algorithm,
            ExpiresAt = Now,
            Subject = "s",
            IncludeIssuedAt = true,
        });

        var verified = Assert.IsType<TenantTokenVerification.Verified>(Verify(token));

        Assert.Equal(new TenantTokenClaims(Guid.Empty, rules, Now, Now, "s"), verified.Claims);
        Assert.Equal(algorithm, verified.Algorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("123456789012345")]
    public void KeyShorterThan16Characters_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => _minter.Mint(new TenantTokenMintRequest(key, NilUid, SearchRules.All)));
        _minter.Mint(new TenantTokenMintRequest("1234567890123456", NilUid, SearchRules.All));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("{00000000-0000-0000-0000-000000000000}")]
    public void UidNotAHyphenatedUuid_Throws(string uid)
    {
        Assert.Throws<ArgumentException>(() => _minter.Mint(new TenantTokenMintRequest(NilKey, uid, SearchRules.All)));
    }

    [Fact]
    public void ExpiryInThePast_Throws_NowIsAllowed()
    {
        Assert.Throws<ArgumentException>(() => _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, SearchRules.All) { ExpiresAt = Now - 1 }));
        _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, SearchRules.All) { ExpiresAt = Now });
        Assert.Equal(Now + 1, TenantTokenMintRequest.ToUnixSeconds(DateTimeOffset.FromUnixTimeMilliseconds((Now * 1000) + 1999)));
    }

    [Fact]
    public void MissingRulesOrUnknownAlgorithm_Throws()
    {
        Assert.Throws<ArgumentException>(() => _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, null!)));
        Assert.Throws<ArgumentException>(() => _minter.Mint(new TenantTokenMintRequest(NilKey, NilUid, SearchRules.All) { Algorithm = (TenantTokenAlgorithm)7 }));
    }

    [Fact]
    public void RequestToString_HidesTheKey()
    {
        var text = new TenantTokenMintRequest(NilKey, NilUid, SearchRules.All).ToString();
        Assert.DoesNotContain(NilKey, text, StringComparison.Ordinal);
        Assert.Contains(NilUid, text, StringComparison.Ordinal);
    }

    [Fact]
    public void MintedTokenUsesTheGivenKeyNotTheMasterKey()
    {
        var token = _minter.Mint(new TenantTokenMintRequest(MasterKey + "-padding-padding", NilUid, SearchRules.All));
        Assert.Equal("Could not decode tenant token, InvalidSignature.", DecodeMessage(Verify(token)));
    }

    private static string Decode(string segment)
    {
        var bytes = new byte[Base64Url.DecodedLength(segment.Length)];
        Assert.True(Base64Url.TryDecode(segment, bytes, out var written, out _));
        var text = Encoding.UTF8.GetString(bytes, 0, written);
        using var document = JsonDocument.Parse(text); // must be valid JSON
        return text;
    }
}
