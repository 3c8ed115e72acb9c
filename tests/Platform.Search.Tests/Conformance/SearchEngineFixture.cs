using System.Text.Json.Nodes;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Search.Tests.Conformance;

/// <summary>
/// Seeds an engine with two shared data sets for a conformance class: a small hand-written movie index and a
/// product catalogue, each for two tenants using the same document ids. Engines plug in through
/// <see cref="CreateEngineAsync"/>. Tests that write use their own index (<see cref="NewIndexUid"/>).
/// </summary>
public abstract class SearchEngineFixture : IAsyncLifetime
{
    public const string Movies = "movies";
    public const string Products = "products";
    public const int AcmeProductCount = 1500;
    public const int GlobexProductCount = 1200;

    public static readonly TenantScope Acme = new("acme");
    public static readonly TenantScope Globex = new("globex");

    public ISearchEngine Engine { get; private set; } = null!;

    public List<JsonObject> AcmeProducts { get; } = ProductCatalog.Generate(AcmeProductCount, seed: 1);

    public List<JsonObject> GlobexProducts { get; } = ProductCatalog.Generate(GlobexProductCount, seed: 2);

    public static IndexSettings MovieSettings { get; } = new()
    {
        SearchableAttributes = ["title", "overview", "director.name", "genres"],
        FilterableAttributes = ["genres", "year", "rating", "director", "available", "tags", "sequel", "title"],
        SortableAttributes = ["year", "rating", "title"],
    };

    public static IndexSettings ProductSettings { get; } = new()
    {
        SearchableAttributes = ["name", "description", "brand.name", "category", "tags"],
        FilterableAttributes = ["category", "tags", "price", "rating", "inStock", "brand", "variants.color", "id", "releaseYear", "discontinuedAt"],
        SortableAttributes = ["price", "rating", "name", "releaseYear"],
    };

    protected abstract Task<ISearchEngine> CreateEngineAsync();

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <summary>False when the engine cannot run here (a live engine without its server): nothing is created or seeded,
    /// and the test classes using the fixture are reported as skipped.</summary>
    protected virtual bool IsAvailable => true;

    public string NewIndexUid(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        Engine = await CreateEngineAsync();
        await Engine.CreateIndexAsync(Movies, "id");
        await Engine.UpdateSettingsAsync(Movies, MovieSettings);
        await Engine.AddDocumentsAsync(Acme, Movies, MovieData.Acme(), DocumentWriteMode.AddOrReplace);
        await Engine.AddDocumentsAsync(Globex, Movies, MovieData.Globex(), DocumentWriteMode.AddOrReplace);

        await Engine.CreateIndexAsync(Products, "id");
        await Engine.UpdateSettingsAsync(Products, ProductSettings);
        await Engine.AddDocumentsAsync(Acme, Products, AcmeProducts, DocumentWriteMode.AddOrReplace);
        await Engine.AddDocumentsAsync(Globex, Products, GlobexProducts, DocumentWriteMode.AddOrReplace);
    }

    public async Task DisposeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        await Engine.DisposeAsync();
        await CleanupAsync();
    }
}

/// <summary>Small movie sets written by hand, so expected results can be read off directly.</summary>
public static class MovieData
{
    public static List<JsonObject> Acme() =>
    [
        Movie(1, "The Dark Knight", "Batman raises the stakes in his war on crime in Gotham", ["Action", "Crime"], 2008, 9.0, "Christopher Nolan", "UK", true, tags: []),
        Movie(2, "Batman Begins", "After training with his mentor, Batman begins his fight to free crime-ridden Gotham", ["Action", "Adventure"], 2005, 8.2, "Christopher Nolan", "UK", false),
        Movie(3, "Inception", "A thief who steals corporate secrets through dream-sharing technology", ["Action", "Science Fiction"], 2010, 8.8, "Christopher Nolan", "UK", true, sequel: true),
        Movie(4, "Interstellar", "A team of explorers travel through a wormhole in space", ["Adventure", "Drama", "Science Fiction"], 2014, 8.6, "Christopher Nolan", "UK", true),
        Movie(5, "Amélie", "A shy waitress decides to change the lives of those around her in Paris", ["Comedy", "Romance"], 2001, 8.3, "Jean-Pierre Jeunet", "France", true, tags: ["paris", "Quirky"]),
        Movie(6, "The Prestige", "Two stage magicians engage in a battle to create the ultimate illusion", ["Drama", "Mystery"], 2006, 8.5, "Christopher Nolan", "UK", true),
        Movie(7, "Knight and Day", "A fugitive couple goes on a glamorous and sometimes deadly adventure", ["Action", "Comedy"], 2010, 6.3, "James Mangold", "USA", false),
        Movie("eight", "Gladiator", "A former Roman general sets out to exact vengeance against the corrupt emperor", ["Action", "Drama"], 2000, null, "Ridley Scott", "UK", true, ratingText: "unrated"),
    ];

    public static List<JsonObject> Globex() =>
    [
        Movie(1, "Batman Forever", "Batman must battle Two-Face and The Riddler in Gotham", ["Action", "Fantasy"], 1995, 5.4, "Joel Schumacher", "USA", true),
        Movie(2, "Batman Returns", "Batman faces the Penguin and Catwoman in Gotham", ["Action", "Crime"], 1992, 7.0, "Tim Burton", "USA", true),
        Movie(3, "Gotham Knights", "A secret society threatens Gotham", ["Action", "Secret"], 2022, 6.1, "Christopher Nolan", "UK", false),
    ];

    private static JsonObject Movie(
        JsonNode id, string title, string overview, string[] genres, int year, double? rating, string director, string country,
        bool available, string[]? tags = null, bool sequel = false, string? ratingText = null)
    {
        var movie = new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["overview"] = overview,
            ["genres"] = new JsonArray(genres.Select(g => (JsonNode)g).ToArray()),
            ["year"] = year,
            ["rating"] = ratingText is not null ? JsonValue.Create(ratingText) : rating is { } r ? JsonValue.Create(r) : null,
            ["director"] = new JsonObject { ["name"] = director, ["country"] = country },
            ["available"] = available,
        };
        if (tags is not null)
        {
            movie["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
        }

        if (sequel)
        {
            movie["sequel"] = null;
        }

        return movie;
    }

    private static JsonObject Movie(int id, string title, string overview, string[] genres, int year, double? rating, string director, string country, bool available, string[]? tags = null, bool sequel = false, string? ratingText = null) =>
        Movie(JsonValue.Create(id), title, overview, genres, year, rating, director, country, available, tags, sequel, ratingText);

    private static JsonObject Movie(string id, string title, string overview, string[] genres, int year, double? rating, string director, string country, bool available, string[]? tags = null, bool sequel = false, string? ratingText = null) =>
        Movie(JsonValue.Create(id), title, overview, genres, year, rating, director, country, available, tags, sequel, ratingText);
}

/// <summary>Builds filter trees the way the parser would.</summary>
public static class F
{
    public static ComparisonFilter Eq(string a, string v) => new(a, ComparisonOperator.Equal, v);
    public static ComparisonFilter Ne(string a, string v) => new(a, ComparisonOperator.NotEqual, v);
    public static ComparisonFilter Gt(string a, string v) => new(a, ComparisonOperator.GreaterThan, v);
    public static ComparisonFilter Gte(string a, string v) => new(a, ComparisonOperator.GreaterThanOrEqual, v);
    public static ComparisonFilter Lt(string a, string v) => new(a, ComparisonOperator.LowerThan, v);
    public static ComparisonFilter Lte(string a, string v) => new(a, ComparisonOperator.LowerThanOrEqual, v);
    public static RangeFilter To(string a, string from, string to) => new(a, from, to);
    public static InFilter In(string a, params string[] values) => new(a, values);
    public static PresenceFilter Exists(string a) => new(a, PresenceOperator.Exists);
    public static PresenceFilter IsNull(string a) => new(a, PresenceOperator.IsNull);
    public static PresenceFilter IsEmpty(string a) => new(a, PresenceOperator.IsEmpty);
    public static NotFilter Not(FilterExpression e) => new(e);
    public static AndFilter And(params FilterExpression[] e) => new(e);
    public static OrFilter Or(params FilterExpression[] e) => new(e);
    public static TextMatchFilter StartsWith(string a, string v) => new(a, TextMatchOperator.StartsWith, v);
    public static TextMatchFilter Contains(string a, string v) => new(a, TextMatchOperator.Contains, v);
}
