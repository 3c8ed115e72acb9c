using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Meilisearch.Tests.Infrastructure;

namespace Platform.Search.Meilisearch.Tests.Client;

public sealed class SettingsContractTests(RecordingMeilisearchFixture fixture) : ContractTestBase(fixture)
{
    [Fact]
    public async Task GetSettings_returns_the_settings_object()
    {
        Server.Enqueue(ScriptedResponse.Ok(MeilisearchExamples.Settings));

        var settings = await Client.GetSettingsAsync(Admin, "movies");

        AssertSent("GET", "/indexes/movies/settings", "", Admin.ApiKey);
        AssertJson.Equal(MeilisearchExamples.Settings, settings.ToJsonString());
    }

    [Fact]
    public async Task UpdateSettings_typed_sends_only_the_given_settings()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(8, "movies", "settingsUpdate")));
        var settings = new IndexSettings
        {
            FilterableAttributes = ["tenant", "color"],
            SortableAttributes = ["year"],
            Additional = new Dictionary<string, JsonElement>
            {
                ["pagination"] = JsonDocument.Parse("""{"maxTotalHits":500}""").RootElement,
            },
        };

        var task = await Client.UpdateSettingsAsync(Admin, "movies", settings);

        AssertSent("PATCH", "/indexes/movies/settings", "", Admin.ApiKey,
            """{"filterableAttributes":["tenant","color"],"sortableAttributes":["year"],"pagination":{"maxTotalHits":500}}""");
        Assert.Equal("settingsUpdate", task.Type);
    }

    [Fact]
    public async Task UpdateSettings_json_is_sent_verbatim_including_null_resets()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(9, "movies", "settingsUpdate")));
        var body = new JsonObject
        {
            ["filterableAttributes"] = new JsonArray(new JsonObject
            {
                ["attributePatterns"] = new JsonArray("price_*"),
                ["features"] = new JsonObject { ["facetSearch"] = false },
            }),
            ["sortableAttributes"] = null,
        };

        await Client.UpdateSettingsAsync(Admin, "movies", body);

        AssertSent("PATCH", "/indexes/movies/settings", "", Admin.ApiKey,
            """{"filterableAttributes":[{"attributePatterns":["price_*"],"features":{"facetSearch":false}}],"sortableAttributes":null}""");
    }

    [Fact]
    public async Task ResetSettings_deletes_the_settings()
    {
        Server.Enqueue(ScriptedResponse.Accepted(MeilisearchExamples.Enqueued(10, "movies", "settingsUpdate")));

        var task = await Client.ResetSettingsAsync(Admin, "movies");

        AssertSent("DELETE", "/indexes/movies/settings", "", Admin.ApiKey);
        Assert.Equal(10, task.TaskUid);
    }
}
