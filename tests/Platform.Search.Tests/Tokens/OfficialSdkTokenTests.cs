using Platform.Search.Tokens;
using static Platform.Search.Tests.Tokens.TokenFixtures;

namespace Platform.Search.Tests.Tokens;

/// <summary>
/// Tokens produced by the official JS client (<c>npm install meilisearch@0.62.0</c>, <c>generateTenantToken</c> from
/// <c>meilisearch/token</c>) with the nil-uid key of docs/architecture.md#grains, pasted here as fixtures.
/// </summary>
public class OfficialSdkTokenTests
{
    // searchRules {"*":{"filter":"tenant = 1"},"ventes":{"filter":["catégorie = 'été'",["a = 1","b = 2"]]},"sal*":null}, exp 4102444800
    private const string Hs256 =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6eyIqIjp7ImZpbHRlciI6InRlbmFudCA9IDEifSwidmVudGVzIjp7ImZpbHRlciI6WyJjYXTDqWdvcmllID0gJ8OpdMOpJyIsWyJhID0gMSIsImIgPSAyIl1dfSwic2FsKiI6bnVsbH0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImV4cCI6NDEwMjQ0NDgwMH0.CZtUNOlQIz3oxnzzQMhrsh7ElzKWgDIxWRUxkha1nIo";

    // searchRules ["sales","prod*"], no exp
    private const string Hs384 =
        "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6WyJzYWxlcyIsInByb2QqIl0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJ9.mLxO9q4bLv419s_giZrGQg6QQWwNMkjq4bq_TPJV_8yxqPfrE-4w_koB5SBEFyMw";

    // searchRules {"??>>":{}} (payload encodes with '_' and '-'), exp 1700000000
    private const string Hs512 =
        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6eyI_Pz4-Ijp7fX0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImV4cCI6MTcwMDAwMDAwMH0.hg0GPExGbzBLCLOAGK9Um-fQ5r57ta_xOh78BRBsqYUhJ78aBZgXSwI1DAzCVVmGz0ofAz9X0qaFnlP1yNFLjw";

    [Fact]
    public void Hs256Token_WithNonAsciiFilters_Verifies()
    {
        var verified = Assert.IsType<TenantTokenVerification.Verified>(Verify(Hs256));
        var rules = verified.Claims.SearchRules;

        Assert.Equal(TenantTokenAlgorithm.HS256, verified.Algorithm);
        Assert.Equal(4102444800, verified.Claims.Exp);
        Assert.True(rules.TryGetFilter("ventes", out var ventes));
        Assert.Equal("""["catégorie = 'été'",["a = 1","b = 2"]]""", System.Text.Json.JsonSerializer.Serialize(ventes, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.True(rules.TryGetFilter("sales", out var sales));
        Assert.Null(sales);
        Assert.True(rules.TryGetFilter("products", out var products));
        Assert.Equal("tenant = 1", products!.Value.GetString());
    }

    [Fact]
    public void Hs384Token_SetForm_Verifies()
    {
        var verified = Assert.IsType<TenantTokenVerification.Verified>(Verify(Hs384));

        Assert.Equal(TenantTokenAlgorithm.HS384, verified.Algorithm);
        Assert.Null(verified.Claims.Exp);
        Assert.Equal("[\"prod*\", \"sales\"]", verified.Claims.SearchRules.FormatPatternList());
        Assert.True(verified.Claims.SearchRules.Authorizes("products"));
        Assert.False(verified.Claims.SearchRules.Authorizes("sale"));
    }

    [Fact]
    public void Hs512Token_ValidUntilItsExpSecond()
    {
        var clock = Clock(); // now == exp
        var verified = Assert.IsType<TenantTokenVerification.Verified>(Verify(Hs512, clock));
        Assert.Equal(TenantTokenAlgorithm.HS512, verified.Algorithm);
        Assert.True(verified.Claims.SearchRules.Authorizes("??>>"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<TenantTokenVerification.Expired>(Verify(Hs512, clock));
    }

    [Fact]
    public void Hs512Token_InOldSdkStandardAlphabet_IsRefused()
    {
        // meilisearch-js before 0.61 encoded header and payload with btoa: '+' and '/' instead of '-' and '_'.
        var parts = Hs512.Split('.');
        var standard = parts[1].Replace('-', '+').Replace('_', '/');
        var token = SignSegments(parts[0], standard, algorithm: TenantTokenAlgorithm.HS512);

        var message = DecodeMessage(Verify(token));

        Assert.StartsWith("Could not decode tenant token, Base64 error: Invalid symbol ", message, StringComparison.Ordinal);
    }
}
