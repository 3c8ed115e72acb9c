using Platform.Search.Keys;

namespace Platform.Search.Tests.Keys;

public class ApiKeyDerivationTests
{
    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "aeb94973e0b6e912d94165430bbe87dee91a7c4f891ce19050c3910ec96977e9")]
    [InlineData("4bc0887a-0e41-4f3b-935d-0c451dcee9c8", "d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c")]
    public void DeriveKey_MeilisearchTestVectors(string uid, string expected)
    {
        Assert.Equal(expected, ApiKeyDerivation.DeriveKey("MASTER_KEY", Guid.Parse(uid)));
    }

    [Fact]
    public void DeriveKey_DependsOnMasterKey()
    {
        var uid = Guid.Parse("4bc0887a-0e41-4f3b-935d-0c451dcee9c8");
        Assert.NotEqual(ApiKeyDerivation.DeriveKey("MASTER_KEY", uid), ApiKeyDerivation.DeriveKey("MASTER_KEY2", uid));
        Assert.Matches("^[0-9a-f]{64}$", ApiKeyDerivation.DeriveKey(new string('k', 1000), uid));
    }

    [Fact]
    public void Matches_IsOrdinalAndExact()
    {
        var key = ApiKeyDerivation.DeriveKey("MASTER_KEY", Guid.Empty);
        Assert.True(ApiKeyDerivation.Matches(key, "aeb94973e0b6e912d94165430bbe87dee91a7c4f891ce19050c3910ec96977e9"));
        Assert.False(ApiKeyDerivation.Matches(key.ToUpperInvariant(), key));
        Assert.False(ApiKeyDerivation.Matches(key[..^1], key));
        Assert.False(ApiKeyDerivation.Matches(key + "0", key));
        Assert.False(ApiKeyDerivation.Matches(null, key));
        Assert.False(ApiKeyDerivation.Matches(string.Empty, key));
    }
}
