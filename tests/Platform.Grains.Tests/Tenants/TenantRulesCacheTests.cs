using Platform.Grains.Tenants;

namespace Platform.Grains.Tests.Tenants;

public sealed class TenantRulesCacheTests
{
    [Fact]
    public void Rules_that_fail_to_parse_fail_every_call_and_never_leave_the_previous_rules_in_force()
    {
        var cache = new TenantRulesCache();
        Assert.Equal((false, null), cache.For("""{"movies":null}""", "books"));

        Assert.ThrowsAny<Exception>(() => cache.For("""{"books":5}""", "books"));
        Assert.ThrowsAny<Exception>(() => cache.For("""{"books":5}""", "books"));

        // The earlier rules come back only when they are the current rules again.
        Assert.Equal((false, null), cache.For("""{"movies":null}""", "books"));
        Assert.Equal((true, null), cache.For(null, "books"));
    }
}
