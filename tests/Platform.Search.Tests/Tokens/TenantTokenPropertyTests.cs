using CsCheck;
using Platform.Search.Keys;
using Platform.Search.Rules;
using Platform.Search.Tokens;
using static Platform.Search.Tests.Tokens.TokenFixtures;

namespace Platform.Search.Tests.Tokens;

public class TenantTokenPropertyTests
{
    private static readonly Gen<string> Pattern =
        Gen.String[Gen.Char["abcxyz_-*é€"], 0, 6];

    private static readonly Gen<SearchRule> Rule = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Const(SearchRule.NoFilter),
        1 => Gen.String[Gen.Char["abc =<>'\"\\é"], 0, 12].Select(SearchRule.WithFilter),
        _ => Gen.String[Gen.Char["abc =1"], 0, 8].Array[0, 3].Select(items =>
            SearchRule.WithFilter(System.Text.Json.JsonSerializer.SerializeToElement(items))),
    });

    private static readonly Gen<SearchRules> Rules = Gen.Bool.SelectMany(isSet => isSet
        ? Pattern.Array[0, 4].Select(p => SearchRules.FromPatterns(p))
        : Gen.Select(Pattern, Rule).Array[0, 4].Select(entries =>
            SearchRules.FromRules(entries.Select(e => new KeyValuePair<string, SearchRule?>(e.Item1, e.Item2)))));

    private static readonly Gen<TenantTokenMintRequest> Requests =
        Gen.Select(
            Rules,
            Gen.Long[Now, Now + 10_000_000].Nullable(),
            Gen.String[Gen.Char["ab-1é"], 0, 8].Null(),
            Gen.Enum<TenantTokenAlgorithm>(),
            Gen.Bool,
            Gen.Guid)
        .Select((rules, exp, sub, alg, iat, uid) => new TenantTokenMintRequest(
            ApiKeyDerivation.DeriveKey(MasterKey, uid), uid.ToString(), rules)
        {
            ExpiresAt = exp,
            Subject = sub,
            Algorithm = alg,
            IncludeIssuedAt = iat,
        });

    [Fact]
    public void MintThenVerify_GivesBackTheClaims()
    {
        var minter = new TenantTokenMinter(Clock());
        Requests.Sample(
            request =>
            {
                var verified = Assert.IsType<TenantTokenVerification.Verified>(Verify(minter.Mint(request)));
                Assert.Equal(Guid.Parse(request.ApiKeyUid), verified.Claims.ApiKeyUid);
                Assert.Equal(request.SearchRules, verified.Claims.SearchRules);
                Assert.Equal(request.ExpiresAt, verified.Claims.Exp);
                Assert.Equal(request.Subject, verified.Claims.Sub);
                Assert.Equal(request.IncludeIssuedAt ? Now : null, verified.Claims.Iat);
                Assert.Equal(request.Algorithm, verified.Algorithm);
            },
            iter: 400,
            threads: 1);
    }

    [Fact]
    public void FlippingAnySingleCharacter_NeverVerifies()
    {
        const string replacements = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        var minter = new TenantTokenMinter(Clock());
        Gen.Select(Requests, Gen.Int[0, int.MaxValue], Gen.Char[replacements])
            .Sample(
                (request, position, replacement) =>
                {
                    var token = minter.Mint(request);
                    var index = position % token.Length;
                    if (token[index] == replacement)
                    {
                        return;
                    }

                    var tampered = string.Concat(token.AsSpan(0, index), replacement.ToString(), token.AsSpan(index + 1));
                    var result = Verify(tampered);
                    Assert.IsNotType<TenantTokenVerification.Verified>(result);
                    Assert.IsNotType<TenantTokenVerification.Expired>(result);
                },
                iter: 2000,
                threads: 1);
    }

    [Fact]
    public void EveryPositionOfTheWorkedExample_FlipsToARefusal()
    {
        for (var i = 0; i < WorkedExample.Length; i++)
        {
            var replacement = WorkedExample[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(WorkedExample.AsSpan(0, i), replacement.ToString(), WorkedExample.AsSpan(i + 1));
            Assert.IsNotType<TenantTokenVerification.Verified>(Verify(tampered));
        }
    }

    [Fact]
    public void CanonicalJson_IsStableUnderReparse()
    {
        Rules.Sample(
            rules =>
            {
                var again = SearchRules.Parse(rules.ToCanonicalJson());
                Assert.Equal(rules.ToCanonicalJson(), again.ToCanonicalJson());
                Assert.Equal(rules, again);
            },
            iter: 300,
            threads: 1);
    }
}
