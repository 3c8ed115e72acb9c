using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class SystemContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    [Fact]
    public async Task GetHealth_sends_no_credential_and_reads_status()
    {
        Server.Enqueue(ScriptedResponse.Ok("""{"status":"available"}"""));

        var status = await Client.GetHealthAsync();

        Assert.Equal("available", status);
        var request = Server.SingleRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/health", request.Path);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task GetVersion_uses_the_admin_credential()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Version));

        var version = await Client.GetVersionAsync(Admin);

        AssertSent("GET", "/version", "", Admin.ApiKey);
        Assert.Equal(new VersionInfo("5cb2f2e94bef", "2026-07-23T00:00:00Z", "1.50.0"), version);
    }
}
