using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Search.Engine;
using Platform.Search.Filters;
using Platform.Search.Meilisearch.Engine;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Engine;

public sealed class BackendTokenSignerTests
{
    private static readonly BackendSearchKey Key = new(Guid.Parse("4bc0887a-0e41-4f3b-935d-0c451dcee9c8"), EngineContractTestBase.SearchKeyValue);
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

    private BackendTokenSigner Signer(long generation = 0) => new(Key, "platform-*", TimeSpan.FromMinutes(10), 0.2, generation, _time);

    private static JsonObject Claims(string token) => BackendTokens.VerifiedClaims(token);

    private static TenantScope Acme(string? rule = null) => new("acme") { Restriction = rule is null ? null : FilterParser.Parse(rule) };

    [Fact]
    public void Tokens_carry_only_the_isolation_filter_in_array_form()
    {
        var issued = Signer().Issue(Acme());
        var claims = Claims(issued.Value);

        Assert.Equal("""{"platform-*":{"filter":["_tenant = \"acme\""]}}""", claims["searchRules"]!.ToJsonString(Readable));
        Assert.Equal(Key.Uid.ToString(), claims["apiKeyUid"]!.GetValue<string>());
        Assert.Equal(_time.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), claims["exp"]!.GetValue<long>());
    }

    [Fact]
    public void The_tenants_rule_joins_the_isolation_filter_and_each_rule_has_its_own_subject()
    {
        var signer = Signer();
        var red = signer.Issue(Acme("color = red AND price < 10"));

        Assert.Equal("""{"platform-*":{"filter":["_tenant = \"acme\"","color = red","price < 10"]}}""", Claims(red.Value)["searchRules"]!.ToJsonString(Readable));
        Assert.Equal(red.Subject, signer.Issue(Acme("color = red AND price < 10")).Subject);
        Assert.NotEqual(red.Subject, signer.Issue(Acme()).Subject);
        Assert.NotEqual(red.Subject, signer.Issue(Acme("color = blue")).Subject);
        Assert.NotEqual(signer.Issue(Acme()).Subject, signer.Issue(new TenantScope("globex")).Subject);
    }

    [Fact]
    public void A_credential_says_when_to_refresh_it_and_when_it_expires()
    {
        var issued = Signer(generation: 3).Issue(Acme());

        Assert.Equal(_time.GetUtcNow().AddMinutes(8), issued.RefreshAt);
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), issued.ExpiresAt);
        Assert.True(issued.IsFresh(3, _time.GetUtcNow().AddMinutes(8).AddTicks(-1)));
        Assert.False(issued.IsFresh(3, _time.GetUtcNow().AddMinutes(8)));
        Assert.False(issued.IsFresh(4, _time.GetUtcNow()));
    }

    [Fact]
    public void Only_a_current_credential_issued_for_the_same_tenant_and_rule_is_sent()
    {
        var signer = Signer(generation: 1);
        var acme = signer.Issue(Acme("color = red"));
        _time.Advance(TimeSpan.FromMinutes(1)); // tokens minted from now on differ from it (their exp is later)

        Assert.Equal(acme.Value, signer.CredentialFor(Acme("color = red") with { Credential = acme }).Token);

        // Another tenant, another rule, no rule, another key generation, past exp: each gets a token of its own.
        var globex = signer.CredentialFor(new TenantScope("globex") { Credential = acme });
        Assert.Equal("""{"platform-*":{"filter":["_tenant = \"globex\""]}}""", Claims(globex.Token)["searchRules"]!.ToJsonString(Readable));
        Assert.NotEqual(acme.Value, signer.CredentialFor(Acme("color = blue") with { Credential = acme }).Token);
        Assert.NotEqual(acme.Value, signer.CredentialFor(Acme() with { Credential = acme }).Token);
        Assert.NotEqual(acme.Value, Signer(generation: 2).CredentialFor(Acme("color = red") with { Credential = acme }).Token);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotEqual(acme.Value, signer.CredentialFor(Acme("color = red") with { Credential = acme }).Token);
    }

    [Fact]
    public void Secrets_never_show_in_text()
    {
        var issued = Signer().Issue(Acme());

        Assert.DoesNotContain(Key.Key, Key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Value, issued.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token", new SearchCredential("secret.token.value").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_key_uid_is_fixed_per_prefix_and_a_well_formed_uuid()
    {
        var uid = BackendSearchKey.DefaultUid("platform-");
        Assert.Equal(uid, BackendSearchKey.DefaultUid("platform-"));
        Assert.NotEqual(uid, BackendSearchKey.DefaultUid("other-"));
        Assert.Equal(8, uid.Version);
    }
}
