using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Search.Tests.Conformance;

/// <summary>
/// A deterministic product catalogue: nested objects, arrays, numbers, booleans and nulls. Ids run from 1 in every
/// tenant, so two tenants always collide on ids.
/// </summary>
public static class ProductCatalog
{
    public static readonly string[] Categories = ["Kitchen", "Garden", "Office", "Outdoor", "Toys", "Audio", "Lighting", "Bath"];
    public static readonly string[] Tags = ["eco", "bestseller", "new", "clearance", "handmade", "premium", "compact", "wireless"];
    public static readonly string[] Colors = ["red", "green", "blue", "black", "white", "Teal"];
    public static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private static readonly string[] Adjectives = ["Sturdy", "Elegant", "Compact", "Rustic", "Modern", "Classic", "Portable", "Deluxe", "Silent", "Bright"];
    private static readonly string[] Materials = ["Oak", "Steel", "Bamboo", "Ceramic", "Glass", "Copper", "Linen", "Granite"];
    private static readonly string[] Nouns = ["Kettle", "Lamp", "Chair", "Speaker", "Planter", "Desk", "Mug", "Lantern", "Blender", "Towel", "Shelf", "Clock"];
    private static readonly (string Name, string Country)[] Brands =
    [
        ("Nordwind", "Norway"), ("Casa Bella", "Italy"), ("Kumo", "Japan"), ("Ironbark", "Australia"),
        ("Lumière", "France"), ("Hearth & Home", "USA"),
    ];

    public static List<JsonObject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var products = new List<JsonObject>(count);
        for (var id = 1; id <= count; id++)
        {
            var adjective = Pick(random, Adjectives);
            var material = Pick(random, Materials);
            var noun = Pick(random, Nouns);
            var brand = Pick(random, Brands);
            var stock = random.Next(0, 6) == 0 ? 0 : random.Next(1, 500);
            var tags = new JsonArray();
            foreach (var tag in Tags.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
            {
                tags.Add(tag);
            }

            var variants = new JsonArray();
            for (var v = random.Next(0, 3); v > 0; v--)
            {
                variants.Add(new JsonObject { ["color"] = Pick(random, Colors), ["size"] = Pick(random, Sizes) });
            }

            products.Add(new JsonObject
            {
                ["id"] = id,
                ["sku"] = string.Create(CultureInfo.InvariantCulture, $"SKU-{seed}-{id:D5}"),
                ["name"] = $"{adjective} {material} {noun}",
                ["description"] = $"A {adjective.ToLowerInvariant()} {noun.ToLowerInvariant()} made of {material.ToLowerInvariant()} by {brand.Name}, for every {Pick(random, Categories).ToLowerInvariant()} lover.",
                ["brand"] = new JsonObject { ["name"] = brand.Name, ["country"] = brand.Country },
                ["category"] = Pick(random, Categories),
                ["tags"] = tags,
                ["price"] = Math.Round(random.NextDouble() * 300 + 1, 2),
                ["rating"] = random.Next(0, 5) == 0 ? null : Math.Round(1 + random.NextDouble() * 4, 1),
                ["stock"] = stock,
                ["inStock"] = stock > 0,
                ["variants"] = variants,
                ["discontinuedAt"] = random.Next(0, 10) == 0 ? "2024-01-01" : null,
                ["releaseYear"] = random.Next(2015, 2026),
            });
        }

        return products;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    public static string Str(this JsonObject doc, string name) => doc[name]!.GetValue<string>();

    public static double Num(this JsonObject doc, string name) => doc[name]!.GetValue<double>();
}
