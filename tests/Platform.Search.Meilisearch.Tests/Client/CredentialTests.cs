using System.Reflection;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class CredentialTests
{
    private static readonly string[] SearchMethods =
        [nameof(MeilisearchClient.SearchAsync), nameof(MeilisearchClient.MultiSearchAsync), nameof(MeilisearchClient.FederatedSearchAsync), nameof(MeilisearchClient.FacetSearchAsync)];

    private static IEnumerable<MethodInfo> PublicCalls() =>
        typeof(MeilisearchClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal));

    [Fact]
    public void Search_methods_take_only_a_search_credential()
    {
        foreach (var method in PublicCalls().Where(m => SearchMethods.Contains(m.Name)))
        {
            Assert.Equal(typeof(SearchCredential), method.GetParameters()[0].ParameterType);
            Assert.DoesNotContain(method.GetParameters(), p => p.ParameterType == typeof(AdminCredential));
        }
    }

    [Fact]
    public void Every_other_call_except_health_takes_an_admin_credential_first()
    {
        var others = PublicCalls().Where(m => !SearchMethods.Contains(m.Name) && m.Name != nameof(MeilisearchClient.GetHealthAsync)).ToList();

        Assert.True(others.Count >= 24, $"only {others.Count} admin calls found");
        Assert.All(others, m => Assert.Equal(typeof(AdminCredential), m.GetParameters()[0].ParameterType));
    }

    [Fact]
    public void Credentials_do_not_print_their_secret()
    {
        Assert.DoesNotContain("s3cret", new AdminCredential("s3cret").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", new SearchCredential("s3cret").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_credentials_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new AdminCredential(""));
        Assert.ThrowsAny<ArgumentException>(() => new SearchCredential(" "));
    }

    [Fact]
    public async Task A_default_credential_is_refused_before_anything_is_sent()
    {
        await using var server = await RecordingMeilisearch.StartAsync();
        using var client = TestClient.For(server.BaseAddress);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Client.GetIndexAsync(default, "movies"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Client.SearchAsync(default, "movies", []));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Each_call_sends_the_credential_it_was_given()
    {
        await using var server = await RecordingMeilisearch.StartAsync();
        using var client = TestClient.For(server.BaseAddress);
        server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Index), ScriptedResponse.Ok(MeilisearchExamples.Index), ScriptedResponse.Ok(MeilisearchExamples.SearchResponse));

        await client.Client.GetIndexAsync(new AdminCredential("first"), "movies");
        await client.Client.GetIndexAsync(new AdminCredential("second"), "movies");
        await client.Client.SearchAsync(new SearchCredential("tenant-a"), "movies", []);

        Assert.Equal(["Bearer first", "Bearer second", "Bearer tenant-a"], server.Requests.Select(r => r.Authorization));
        Assert.DoesNotContain(server.Requests, r => r.Authorization == $"Bearer {TestClient.AdminKey}");
    }

    [Fact]
    public async Task A_url_with_a_path_prefix_keeps_it()
    {
        await using var server = await RecordingMeilisearch.StartAsync();
        using var client = TestClient.For(server.BaseAddress, path: "meili");
        server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Index));

        await client.Client.GetIndexAsync(new AdminCredential("k"), "movies");

        Assert.Equal("/meili/indexes/movies", server.SingleRequest.Path);
    }
}
