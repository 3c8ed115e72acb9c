using Platform.Api.Auth;

namespace Platform.Api.Tests.Auth;

public sealed class AuthOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions()).Succeeded);

    [Fact]
    public void Every_error_is_reported_with_its_key()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions
        {
            MaxFailedAttempts = 0,
            FailedAttemptWindow = TimeSpan.Zero,
            UnknownKeyCacheSize = -1,
            UnknownKeyCacheDuration = TimeSpan.FromMilliseconds(10),
        });
        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Platform:Auth:MaxFailedAttempts must be at least 1.",
            "Platform:Auth:FailedAttemptWindow must be at least 00:00:01.",
            "Platform:Auth:UnknownKeyCacheSize must be 0 (off) or more.",
            "Platform:Auth:UnknownKeyCacheDuration must be at least 00:00:01.",
        ], result.Failures);
    }
}
