using Platform.Api.Cors;

namespace Platform.Api.Tests.Cors;

public sealed class PlatformCorsOptionsValidatorTests
{
    private static readonly PlatformCorsOptionsValidator Validator = new();

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("https://app.example.com http://localhost:5173 https://search.example.org:8443")]
    public void Valid_lists_pass(string origins) =>
        Assert.True(Validator.Validate(null, new PlatformCorsOptions { AllowedOrigins = origins.Split(' ', StringSplitOptions.RemoveEmptyEntries) }).Succeeded);

    [Fact]
    public void Every_bad_entry_is_named_by_its_key()
    {
        var result = Validator.Validate(null, new PlatformCorsOptions
        {
            AllowedOrigins = ["https://app.example.com/", "*", "app.example.com", "ftp://files.example.com", "https://a.example.com/path"],
        });

        Assert.False(result.Succeeded);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Platform:Cors:AllowedOrigins:0 must be `*` or an origin", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Platform:Cors:AllowedOrigins:1: `*` allows every origin and must be the only entry", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Platform:Cors:AllowedOrigins:2 must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Platform:Cors:AllowedOrigins:3 must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Platform:Cors:AllowedOrigins:4 must be", StringComparison.Ordinal));
    }
}
