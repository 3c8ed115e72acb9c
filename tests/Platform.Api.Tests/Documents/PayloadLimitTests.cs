using System.Net;

namespace Platform.Api.Tests.Documents;

public sealed class PayloadLimitTests
{
    [Fact]
    public async Task Bodies_over_the_limit_get_payload_too_large_and_store_nothing()
    {
        await using var server = await PlatformServer.StartAsync(extraArgs: "--Platform:MaxPayloadBytes=1048576");
        var client = server.Client;
        (await client.PostAsync("/indexes", new { uid = "big", primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        var tenant = await client.CreateTenantAsync();
        var key = (await client.CreateKeyAsync(tenant, ["*"], ["*"]))["key"]!.GetValue<string>();

        var documents = Enumerable.Range(0, 3000).Select(i => new { id = i, text = new string('x', 400) }).ToArray();
        (await client.PostAsync("/indexes/big/documents", documents, key))
            .ShouldFail(HttpStatusCode.RequestEntityTooLarge, "payload_too_large",
                "The provided payload reached the size limit. The maximum accepted payload size is 1 MiB.");
        Assert.Equal(0, (await client.GetAsync("/indexes/big/documents", key)).Json!["total"]!.GetValue<int>());
    }
}
