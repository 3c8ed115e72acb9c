using System.Net;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Errors;

namespace Platform.Api.Tests.Auth;

/// <summary>The limiter's partitions: one per client address, IPv6 by /64; a blocked client blocks no other.</summary>
public sealed class FailedAuthenticationLimiterTests
{
    private static FailedAuthenticationLimiter Limiter(int limit) =>
        new(Options.Create(new AuthOptions { MaxFailedAttempts = limit, FailedAttemptWindow = TimeSpan.FromHours(1) }));

    [Fact]
    public void A_client_is_blocked_after_the_limit_with_a_retry_after_and_others_are_not()
    {
        using var limiter = Limiter(2);
        Assert.Null(limiter.RefusalFor("10.0.0.1"));
        limiter.RecordFailure("10.0.0.1");
        Assert.Null(limiter.RefusalFor("10.0.0.1"));
        limiter.RecordFailure("10.0.0.1");

        var error = Assert.IsType<ApiError>(limiter.RefusalFor("10.0.0.1"));
        Assert.Equal("too_many_failed_authentications", error.Code);
        Assert.InRange(error.RetryAfterSeconds!.Value, 1, 3600);

        Assert.Null(limiter.RefusalFor("10.0.0.2"));
        limiter.RecordFailure("10.0.0.2");
        Assert.Null(limiter.RefusalFor("10.0.0.2"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Clients_are_addresses_and_ipv6_clients_are_their_64_prefix(string address, string client) =>
        Assert.Equal(client, FailedAuthenticationLimiter.ClientOf(IPAddress.Parse(address)));
}
