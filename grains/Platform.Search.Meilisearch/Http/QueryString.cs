using System.Globalization;
using System.Text;

namespace Platform.Search.Meilisearch;

/// <summary>Builds <c>?a=1&amp;b=x,y</c> query strings; null or empty values are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        _builder.Append(_builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, long? value) =>
        value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Meilisearch takes lists as one comma-separated parameter; each item is escaped, the commas are not.</summary>
    public QueryString AddList<T>(string name, IEnumerable<T>? values)
    {
        if (values is null)
        {
            return this;
        }

        var items = values.Select(v => Uri.EscapeDataString(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")).ToList();
        if (items.Count == 0)
        {
            return this;
        }

        _builder.Append(_builder.Length == 0 ? '?' : '&').Append(name).Append('=').AppendJoin(',', items);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
