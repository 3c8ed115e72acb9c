using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// Inputs that once answered 500 (issue #10, item 14): each now gets Meilisearch's error, and none lets one tenant
/// reach another's documents in the shared index.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MalformedInputTests(PlatformFixture fixture)
{
    private PlatformClient Client => fixture.Client;

    [Theory]
    [InlineData("[{\"id\":1,\"title\":\"a\",\"title\":\"b\"}]")]
    [InlineData("[{\"id\":1,\"title\":\"\\ud800\"}]")]
    [InlineData("[{\"id\":1,\"\\udc00\":\"x\"}]")]
    public async Task Document_batches_with_duplicate_keys_or_lone_surrogates_are_malformed(string body)
    {
        var (index, keyA, keyB) = await SharedIndexAsync();

        var reply = await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/documents", body, keyA);

        reply.ShouldFail(HttpStatusCode.BadRequest, "malformed_payload");
        (await Client.GetAsync($"/indexes/{index}/documents/1", keyB)).ShouldFail(HttpStatusCode.NotFound, "document_not_found");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    public async Task Document_batches_with_invalid_utf8_are_malformed(string contentType)
    {
        var (index, keyA, _) = await SharedIndexAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/indexes/{index}/documents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keyA);
        request.Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"id\":1,\"title\":\""), 0xFF, 0xC0, .. "\"}"u8]);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        (await Client.SendAsync(request)).ShouldFail(HttpStatusCode.BadRequest, "malformed_payload");
    }

    [Theory]
    [InlineData("{\"q\":\"a\",\"q\":\"b\"}")]
    [InlineData("{\"q\":\"\\ud800\"}")]
    [InlineData("{\"filter\":\"title = \\udc00\"}")]
    public async Task Search_bodies_with_duplicate_keys_or_lone_surrogates_are_malformed(string body)
    {
        var (index, keyA, _) = await SharedIndexAsync();

        (await Client.SendAsync(HttpMethod.Post, $"/indexes/{index}/search", body, keyA))
            .ShouldFail(HttpStatusCode.BadRequest, "malformed_payload");
    }

    [Fact]
    public async Task A_token_whose_header_holds_a_lone_surrogate_is_an_invalid_key()
    {
        var (index, _, _) = await SharedIndexAsync();
        var forged = "Ilx1ZDgwMCI.e30.c2ln"; // header `"\ud800"`, payload `{}`

        var reply = await Client.PostAsync($"/indexes/{index}/search", new { q = "a" }, forged);

        reply.ShouldFail(HttpStatusCode.Forbidden, "invalid_api_key");
    }

    [Fact]
    public async Task Uids_and_patterns_ending_in_a_newline_are_refused()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..10];
        (await Client.PostAsync("/tenants", new { uid = tenant + "\n" })).ShouldFail(HttpStatusCode.BadRequest, "invalid_tenant_uid");
        (await Client.PostAsync("/indexes", new { uid = "i-" + tenant + "\n" })).ShouldFail(HttpStatusCode.BadRequest, "invalid_index_uid");
        await Client.CreateTenantAsync(tenant);
        (await Client.PostAsync($"/tenants/{tenant}/keys", new { actions = new[] { "search" }, indexes = new[] { "products\n" }, expiresAt = (string?)null }))
            .ShouldFail(HttpStatusCode.BadRequest, "invalid_api_key_indexes");
        (await Client.GetAsync($"/tenants/{tenant}%0A")).ShouldFail(HttpStatusCode.BadRequest, "invalid_tenant_uid");
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("4294967295")]
    public async Task A_task_limit_past_int32_is_read_as_Meilisearch_reads_a_u32(string limit)
    {
        var (_, keyA, _) = await SharedIndexAsync();

        (await Client.GetAsync($"/tasks?limit={limit}", keyA)).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync($"/tasks?limit={limit}")).ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync("/tasks?limit=4294967296", keyA)).ShouldFail(HttpStatusCode.BadRequest, "invalid_task_limit");
    }

    /// <summary>An index shared by two tenants, each with an all-actions key.</summary>
    private async Task<(string Index, string KeyA, string KeyB)> SharedIndexAsync()
    {
        var index = "malformed-" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/indexes", new { uid = index, primaryKey = "id" })).ShouldBe(HttpStatusCode.Accepted);
        var keyA = (await Client.CreateKeyAsync(await Client.CreateTenantAsync(), actions: ["*"]))["key"]!.GetValue<string>();
        var keyB = (await Client.CreateKeyAsync(await Client.CreateTenantAsync(), actions: ["*"]))["key"]!.GetValue<string>();
        return (index, keyA, keyB);
    }
}
