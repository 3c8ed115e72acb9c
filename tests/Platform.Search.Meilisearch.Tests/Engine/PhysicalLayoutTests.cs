using Platform.Search.Engine;
using Platform.Search.Meilisearch.Engine;

namespace Platform.Search.Meilisearch.Tests.Engine;

public sealed class PhysicalLayoutTests
{
    private static readonly PhysicalLayout Layout = new("platform-", ["orders"]);

    [Theory]
    [InlineData("acme", "61636d65")]
    [InlineData("a", "61")]
    [InlineData("Ünï", "c39c6ec3af")]
    public void Short_tenant_uids_are_hex_encoded(string tenant, string tag) => Assert.Equal(tag, PhysicalLayout.TenantTag(tenant));

    [Fact]
    public void Long_tenant_uids_are_hashed_behind_an_x()
    {
        var tag = PhysicalLayout.TenantTag(new string('t', 65));
        Assert.Equal(65, tag.Length);
        Assert.StartsWith("x", tag, StringComparison.Ordinal);
        Assert.NotEqual(tag, PhysicalLayout.TenantTag(new string('t', 66)));
    }

    [Fact]
    public void Tags_only_use_characters_that_cannot_be_the_separators()
    {
        foreach (var tenant in new[] { "acme", "a-b_c", new string('z', 300), "tenant with spaces", "ü" })
        {
            Assert.Matches("^[0-9a-fx]+$", PhysicalLayout.TenantTag(tenant));
        }
    }

    [Theory]
    [InlineData("acme", "1", "61636d65_1")]
    [InlineData("acme", "a_b-c", "61636d65_a_b-c")]
    [InlineData("ac", "me_1", "6163_me_1")]
    public void Physical_ids_put_the_tag_an_underscore_and_the_id(string tenant, string id, string pid) =>
        Assert.Equal(pid, PhysicalLayout.Pid(tenant, id));

    [Fact]
    public void Ids_that_would_pass_511_bytes_are_hashed_behind_a_hyphen()
    {
        var fits = new string('a', 511 - "61636d65_".Length);
        Assert.Equal("61636d65_" + fits, PhysicalLayout.Pid("acme", fits));
        var hashed = PhysicalLayout.Pid("acme", fits + "a");
        Assert.Matches("^61636d65-[0-9a-f]{64}$", hashed);
        Assert.NotEqual(hashed, PhysicalLayout.Pid("acme", fits + "b"));
        Assert.All([PhysicalLayout.Pid("acme", new string('a', 511)), PhysicalLayout.Pid(new string('t', 256), new string('a', 511))],
            pid => Assert.True(pid.Length <= 511 && DocumentIds.IsValid(pid)));
    }

    [Fact]
    public void Different_tenant_and_id_pairs_never_share_a_physical_id()
    {
        string[] tenants = ["a", "ab", "b", "a_b", "61", new string('q', 64), new string('q', 65)];
        string[] ids = ["1", "b_1", "_1", "1-", new string('k', 480), new string('k', 481), new string('k', 511)];
        var pairs = tenants.SelectMany(t => ids.Select(i => (t, i))).ToList();
        Assert.Equal(pairs.Count, pairs.Select(p => PhysicalLayout.Pid(p.t, p.i)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Shared_and_dedicated_indexes_are_named_from_the_prefix()
    {
        Assert.Equal("platform-products", Layout.DocumentIndex("products", "acme"));
        Assert.Equal("platform-orders", Layout.DefinitionIndex("orders"));
        Assert.Equal("platform-orders--61636d65", Layout.DocumentIndex("orders", "acme"));
        Assert.True(Layout.IsTenantIndexOf("platform-orders--61636d65", "orders"));
        Assert.False(Layout.IsTenantIndexOf("platform-orders--v2-x", "orders"));
        Assert.False(Layout.IsTenantIndexOf("platform-orders", "orders"));
    }

    [Theory]
    [InlineData("orders--61636d65")]
    [InlineData("bad uid")]
    [InlineData("")]
    public void Uids_that_are_invalid_or_could_be_a_tenant_index_are_refused(string uid)
    {
        var error = Assert.Throws<SearchEngineException>(() => Layout.ValidateLogicalUid(uid));
        Assert.Equal("invalid_index_uid", error.Code);
    }

    [Theory]
    [InlineData("acme", """_tenant = "acme" """)]
    [InlineData("o\"b\\c", """_tenant = "o\"b\\c" """)]
    [InlineData("NOT", """_tenant = "NOT" """)]
    public void The_isolation_filter_always_quotes_the_tenant(string tenant, string expected) =>
        Assert.Equal(expected.TrimEnd(), PhysicalLayout.IsolationFilter(tenant));
}
