using System.Text.Json;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Grains.Indexes;
using Platform.Search.Errors;

namespace Platform.Api.Indexes;

/// <summary>
/// Validates settings bodies. Only the settings the platform honours are accepted; the isolation attribute may not
/// be named (it is always filterable and never displayed, whatever the operator sets).
/// </summary>
internal static class SettingsRequests
{
    public const string Displayed = "displayedAttributes";
    public const string Searchable = "searchableAttributes";
    public const string Filterable = "filterableAttributes";
    public const string Sortable = "sortableAttributes";
    public const string Distinct = "distinctAttribute";

    private static readonly string[] Fields = [Displayed, Searchable, Filterable, Sortable, Distinct];

    /// <summary>The route segment of each per-setting sub-route.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>
    {
        ["displayed-attributes"] = Displayed,
        ["searchable-attributes"] = Searchable,
        ["filterable-attributes"] = Filterable,
        ["sortable-attributes"] = Sortable,
    };

    public static IndexSettingsChange ReadPatch(JsonObjectReader body, string isolationAttribute)
    {
        body.AllowOnly(Fields);
        var change = new IndexSettingsChange();
        foreach (var property in body.Body.EnumerateObject())
        {
            change = Apply(change, body, property.Name, property.Value, isolationAttribute);
        }

        return change;
    }

    public static IndexSettingsChange Apply(
        IndexSettingsChange change, JsonObjectReader body, string field, JsonElement value, string isolationAttribute)
    {
        if (field == Distinct)
        {
            var distinct = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => Attribute(body, field, value.GetString()!, isolationAttribute),
                _ => throw body.TypeError(field, value, "a string"),
            };
            return change with { SetDistinctAttribute = true, DistinctAttribute = distinct };
        }

        var list = value.ValueKind == JsonValueKind.Null ? null : ReadList(body, field, value, isolationAttribute);
        return field switch
        {
            Displayed => change with { SetDisplayedAttributes = true, DisplayedAttributes = list },
            Searchable => change with { SetSearchableAttributes = true, SearchableAttributes = list },
            Filterable => change with { SetFilterableAttributes = true, FilterableAttributes = list },
            _ => change with { SetSortableAttributes = true, SortableAttributes = list },
        };
    }

    private static List<string> ReadList(JsonObjectReader body, string field, JsonElement value, string isolationAttribute)
    {
        if (value.ValueKind != JsonValueKind.Array) throw body.TypeError(field, value, "an array");
        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(Attribute(body, field, item.GetString()!, isolationAttribute));
            }
            else if (field == Filterable && item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("attributePatterns", out var patterns))
            {
                // Granular filterable settings: the patterns are honoured, per-feature switches are not (docs/settings.md).
                list.AddRange(body.StringArray($"{field}[{i}].attributePatterns", patterns)
                    .Select(p => Attribute(body, field, p, isolationAttribute)));
            }
            else
            {
                throw body.TypeError($"{field}[{i}]", item, "a string", field);
            }

            i++;
        }

        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Attribute(JsonObjectReader body, string field, string name, string isolationAttribute)
    {
        if (name.Length == 0) throw body.ValueError(field, "attribute names cannot be empty.", field);
        if (name == isolationAttribute || name.StartsWith(isolationAttribute + ".", StringComparison.Ordinal))
        {
            throw new ApiError(ErrorCodes.ReservedAttribute,
                $"`{name}` is a reserved attribute: the platform manages it and it cannot be used in `{field}`.");
        }

        return name;
    }
}
