namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// Response bodies in the shapes Meilisearch documents (docs/meilisearch-compatibility.md). Values are made up for these tests; the field
/// names, nesting and formats (RFC 3339 times with up to nanosecond fractions, ISO-8601 durations) are Meilisearch's.
/// </summary>
internal static class MeilisearchExamples
{
    public static string Enqueued(long taskUid = 147, string? indexUid = "movies", string type = "documentAdditionOrUpdate") =>
        $$"""{"taskUid":{{taskUid}},"indexUid":{{(indexUid is null ? "null" : $"\"{indexUid}\"")}},"status":"enqueued","type":"{{type}}","enqueuedAt":"2024-08-08T17:05:55.791772Z"}""";

    public static string Task(long uid, string status) =>
        $$"""
        {"uid":{{uid}},"batchUid":null,"indexUid":"movies","status":"{{status}}","type":"documentAdditionOrUpdate",
         "canceledBy":null,"details":{"receivedDocuments":5,"indexedDocuments":null},"error":null,"duration":null,
         "enqueuedAt":"2024-08-08T17:05:55.791772Z","startedAt":null,"finishedAt":null}
        """;

    public const string SucceededTask = """
        {"uid":147,"batchUid":12,"indexUid":"movies","status":"succeeded","type":"documentAdditionOrUpdate",
         "canceledBy":null,"details":{"receivedDocuments":5,"indexedDocuments":5},"error":null,"duration":"PT0.5S",
         "enqueuedAt":"2024-08-08T17:05:55.791772Z","startedAt":"2024-08-08T17:05:55.800123456Z","finishedAt":"2024-08-08T17:05:56.300123456Z"}
        """;

    public const string FailedTask = """
        {"uid":148,"batchUid":13,"indexUid":"movies","status":"failed","type":"settingsUpdate","canceledBy":null,
         "details":{"filterableAttributes":["genre"]},
         "error":{"message":"Index `movies`: Attribute `genre` is not filterable.","code":"invalid_settings_filterable_attributes","type":"invalid_request","link":"https://docs.meilisearch.com/errors#invalid_settings_filterable_attributes"},
         "duration":"PT0.001S","enqueuedAt":"2024-08-08T17:05:55Z","startedAt":"2024-08-08T17:05:55Z","finishedAt":"2024-08-08T17:05:55Z"}
        """;

    public const string TaskList = $$"""
        {"results":[{{SucceededTask}}],"total":1,"limit":20,"from":147,"next":null}
        """;

    public const string Index = """{"uid":"movies","primaryKey":"id","createdAt":"2024-08-08T17:00:00.123456Z","updatedAt":"2024-08-08T17:05:56.3Z"}""";

    public const string IndexList = $$"""{"results":[{{Index}}],"offset":0,"limit":5,"total":1}""";

    public const string Key = """
        {"name":"tenant-a search","description":null,"key":"d9e776b8412f1db6974c9a5556b961c3559440b6588216f4ea5d9ed49f7c8f3c",
         "uid":"4bc0887a-0e41-4f3b-935d-0c451dcee9c8","actions":["search"],"indexes":["tenant-a-*"],
         "expiresAt":null,"createdAt":"2024-08-08T17:00:00Z","updatedAt":"2024-08-08T17:00:00Z"}
        """;

    public const string KeyList = $$"""{"results":[{{Key}}],"offset":0,"limit":20,"total":1}""";

    public const string Version = """{"commitSha":"5cb2f2e94bef","commitDate":"2026-07-23T00:00:00Z","pkgVersion":"1.50.0"}""";

    public const string Settings = """
        {"displayedAttributes":["*"],"searchableAttributes":["*"],"filterableAttributes":["tenant","color"],
         "sortableAttributes":[],"rankingRules":["words","typo","proximity","attribute","sort","exactness"],
         "stopWords":[],"synonyms":{},"distinctAttribute":null,"pagination":{"maxTotalHits":1000}}
        """;

    public const string Document = """{"id":"450465","title":"Gläss","color":["blue","red"]}""";

    public const string DocumentsPage = $$"""{"results":[{{Document}}],"offset":0,"limit":2,"total":1}""";

    public const string SearchResponse = """
        {"hits":[{"title":"Gläss","id":"450465","color":["blue","red"]}],"query":"glass","processingTimeMs":0,
         "limit":20,"offset":0,"estimatedTotalHits":1,"requestUid":"0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}
        """;

    public const string MultiSearchResponse = """
        {"results":[{"indexUid":"movies","hits":[{"title":"Gläss","id":"450465"}],"query":"glass","processingTimeMs":0,
          "limit":20,"offset":0,"estimatedTotalHits":1}]}
        """;

    public const string FederatedResponse = """
        {"hits":[{"title":"Gläss","id":"450465","_federation":{"indexUid":"movies","queriesPosition":0,"weightedRankingScore":0.98}}],
         "processingTimeMs":1,"limit":20,"offset":0,"estimatedTotalHits":1,"requestUid":"0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"}
        """;

    public const string FacetSearchResponse = """
        {"facetHits":[{"value":"blue","count":2},{"value":"black","count":1}],"facetQuery":"bl","processingTimeMs":0}
        """;

    public static string Error(string message, string code, string type) =>
        $$"""{"message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"code":"{{code}}","type":"{{type}}","link":"https://docs.meilisearch.com/errors#{{code}}"}""";

    public static ScriptedResponse TooManySearchRequests() =>
        new(503, Error("Too many search requests running at the same time: 10. Retry after 10s.", "too_many_search_requests", "system"))
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "10" },
        };
}
