using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Tests.Auth;

/// <summary>A host of its own with a small failure limit and a window far longer than the test, so nothing depends on time.</summary>
public sealed class FailedAuthenticationFixture : IAsyncLifetime
{
    public const int Limit = 5;

    public PlatformServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PlatformServer.StartAsync("MASTER_KEY",
        $"--Platform:Auth:MaxFailedAttempts={Limit}", "--Platform:Auth:FailedAttemptWindow=01:00:00");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Brute-force resistance over HTTP: random 64-hex bearers from one client are refused with 429 after the
/// configured count, other clients (other loopback addresses) and their valid keys are not affected, and distinct
/// random bearers do not each cost a key-lookup grain activation once the client is blocked.
/// </summary>
public sealed class FailedAuthenticationTests(FailedAuthenticationFixture fixture) : IClassFixture<FailedAuthenticationFixture>
{
    private const int Limit = FailedAuthenticationFixture.Limit;

    private static string RandomKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Random_bearers_are_429_after_the_limit_and_other_clients_are_not_affected()
    {
        var (tenant, key) = await NewTenantKeyAsync();
        using var attacker = new LoopbackClient(fixture.Server.Address, IPAddress.Parse("127.0.0.2"));
        using var neighbour = new LoopbackClient(fixture.Server.Address, IPAddress.Parse("127.0.0.3"));

        for (var i = 0; i < Limit; i++)
        {
            var refused = await attacker.GetAsync("/tasks", RandomKey());
            Assert.Equal((HttpStatusCode.Forbidden, "invalid_api_key"), (refused.Status, refused.Code));
        }

        var blocked = await attacker.GetAsync("/tasks", RandomKey());
        Assert.Equal((HttpStatusCode.TooManyRequests, "too_many_failed_authentications"), (blocked.Status, blocked.Code));
        Assert.True(int.Parse(blocked.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) > 0);

        // The blocked client is refused even with a valid key, before any lookup; another client is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.GetAsync("/tasks", key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/tasks", key)).Status);
        var neighbourGuess = await neighbour.GetAsync("/tasks", RandomKey());
        Assert.Equal((HttpStatusCode.Forbidden, "invalid_api_key"), (neighbourGuess.Status, neighbourGuess.Code));
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync($"/tenants/{tenant}", "MASTER_KEY")).Status);
    }

    [Fact]
    public async Task Real_credentials_used_wrongly_do_not_count_as_failures()
    {
        var (_, key) = await NewTenantKeyAsync(actions: ["search"]);
        using var client = new LoopbackClient(fixture.Server.Address, IPAddress.Parse("127.0.0.4"));
        for (var i = 0; i < Limit * 2; i++)
        {
            // A real key without tasks.get: a refusal, but not a guess.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/tasks", key)).Status);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/tasks", RandomKey())).Status);
    }

    [Fact]
    public async Task Distinct_random_bearers_cost_no_more_lookups_than_the_limit_and_a_repeat_costs_none()
    {
        using var client = new LoopbackClient(fixture.Server.Address, IPAddress.Parse("127.0.0.5"));
        var before = await LookupActivationsAsync();

        // One unknown value tried three times: one lookup, then the negative cache answers.
        var repeated = RandomKey();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/tasks", repeated)).Status);
        Assert.Equal(before + 1, await LookupActivationsAsync());

        // Many distinct values: the limit's worth are looked up, the rest are refused before any lookup.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit * 10; i++) statuses.Add((await client.GetAsync("/tasks", RandomKey())).Status);
        Assert.Equal(Limit - 3, statuses.Count(s => s == HttpStatusCode.Forbidden));
        Assert.All(statuses.Skip(Limit - 3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(before + 1 + (Limit - 3), await LookupActivationsAsync());
    }

    private async Task<int> LookupActivationsAsync()
    {
        var management = fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ApiKeyLookupGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    private async Task<(string Tenant, string Key)> NewTenantKeyAsync(string[]? actions = null)
    {
        var client = fixture.Server.Client;
        var tenant = await client.CreateTenantAsync();
        var key = (await client.CreateKeyAsync(tenant, actions: actions ?? ["*"]))["key"]!.GetValue<string>();
        return (tenant, key);
    }
}
