using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Benchmarks.Load;

/// <summary>
/// Product-like documents from a seeded RNG: the same seed gives the same catalog, so runs are comparable.
/// Titles combine brand, adjective, material and a category noun; descriptions draw from a shared vocabulary.
/// </summary>
public static class ProductCatalog
{
    public static readonly string[] Categories =
        ["kitchen", "garden", "office", "outdoor", "bathroom", "lighting", "audio", "toys", "sports", "travel", "pets", "tools"];

    // One noun list per category (same order as Categories): a noun query is selective (about 1 in 60 documents).
    private static readonly string[][] Nouns =
    [
        ["kettle", "skillet", "colander", "grater", "teapot"],
        ["trowel", "planter", "hose", "rake", "birdhouse"],
        ["stapler", "notebook", "binder", "monitor", "desk"],
        ["tent", "lantern", "hammock", "cooler", "compass"],
        ["towel", "mirror", "shower", "bathmat", "toothbrush"],
        ["lamp", "sconce", "chandelier", "bulb", "spotlight"],
        ["speaker", "headphones", "turntable", "amplifier", "microphone"],
        ["puzzle", "kite", "robot", "yoyo", "dollhouse"],
        ["racket", "helmet", "dumbbell", "skateboard", "jersey"],
        ["suitcase", "backpack", "pillow", "passport", "organizer"],
        ["leash", "collar", "aquarium", "scratcher", "kennel"],
        ["wrench", "hammer", "screwdriver", "pliers", "chisel"],
    ];

    public static readonly string[] Brands =
    [
        "acorn", "boreal", "cobalt", "dune", "ember", "fjord", "granite", "harbor", "indigo", "juniper",
        "kestrel", "lumen", "meadow", "nimbus", "onyx", "pioneer", "quartz", "ridge", "summit", "tundra",
        "umber", "vertex", "willow", "xenon", "yarrow", "zephyr",
    ];

    public static readonly string[] Adjectives =
    [
        "compact", "classic", "deluxe", "foldable", "heavy", "light", "modern", "portable", "rugged", "slim",
        "smart", "vintage", "wireless", "premium", "essential", "ergonomic", "quiet", "sturdy", "eco", "mini",
    ];

    private static readonly string[] Materials = ["steel", "bamboo", "oak", "ceramic", "cotton", "glass", "copper", "linen", "rubber", "walnut"];

    public static readonly string[] Colors = ["black", "white", "red", "blue", "green", "grey", "yellow", "orange", "brown", "pink"];

    private static readonly string[] Filler =
    [
        "designed", "everyday", "use", "built", "last", "easy", "clean", "store", "gift", "family", "home", "weekend",
        "durable", "finish", "handle", "grip", "size", "fits", "most", "spaces", "perfect", "beginners", "experts",
        "warranty", "included", "tested", "quality", "materials", "soft", "touch", "bright", "colors", "simple",
        "assembly", "recycled", "packaging", "water", "resistant", "travel", "friendly", "great", "value", "season",
    ];

    /// <summary>The selective nouns (every category's), for word queries.</summary>
    public static IReadOnlyList<string> AllNouns { get; } = Nouns.SelectMany(n => n).ToArray();

    /// <summary>Document <paramref name="number"/> of a tenant's catalog (ids are per tenant; tenants may share them).</summary>
    public static JsonObject Product(Random rng, int number)
    {
        var c = rng.Next(Categories.Length);
        var noun = Pick(rng, Nouns[c]);
        var brand = Pick(rng, Brands);
        var adjective = Pick(rng, Adjectives);
        var material = Pick(rng, Materials);
        var words = new string[12 + rng.Next(12)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = rng.Next(6) == 0 ? Pick(rng, Adjectives) : Pick(rng, Filler);
        }

        return new JsonObject
        {
            ["id"] = number,
            ["title"] = $"{brand} {adjective} {material} {noun}",
            ["description"] = $"A {adjective} {noun} in {material}. " + string.Join(' ', words) + ".",
            ["brand"] = brand,
            ["category"] = Categories[c],
            ["color"] = Pick(rng, Colors),
            ["price"] = Math.Round(2 + (rng.NextDouble() * rng.NextDouble() * 300), 2),
            ["rating"] = Math.Round(1 + (rng.NextDouble() * 4), 1),
            ["inStock"] = rng.Next(5) != 0,
            ["sku"] = string.Create(CultureInfo.InvariantCulture, $"SKU-{number:D6}-{rng.Next(1000):D3}"),
        };
    }

    private static string Pick(Random rng, string[] values) => values[rng.Next(values.Length)];
}
