using System.Globalization;
using System.Text;

namespace Platform.Search.Serde;

/// <summary>How Rust prints and orders strings, for messages that must match Meilisearch's byte for byte.</summary>
internal static class RustText
{
    /// <summary>Rust <c>String</c> order: UTF-8 byte order, which is code point order (not UTF-16 unit order).</summary>
    public static readonly IComparer<string> Utf8Order = new CodePointComparer();

    /// <summary>Rust <c>{:?}</c> of a <c>Vec&lt;String&gt;</c>: <c>["a", "b"]</c>.</summary>
    public static string DebugList(IReadOnlyList<string> items)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            AppendDebugString(builder, items[i]);
        }

        return builder.Append(']').ToString();
    }

    /// <summary>Rust <c>{:?}</c> of a <c>str</c>: quoted, with <c>\"</c>, <c>\\</c>, <c>\n</c>… and <c>\u{…}</c> escapes.</summary>
    public static void AppendDebugString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        builder.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private sealed class CodePointComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var length = Math.Min(x.Length, y.Length);
            for (var i = 0; i < length; i++)
            {
                if (x[i] != y[i])
                {
                    return Fix(x[i]).CompareTo(Fix(y[i]));
                }
            }

            return x.Length.CompareTo(y.Length);
        }

        // Surrogates (code points above U+FFFF) must sort after U+E000..U+FFFF, as they do in UTF-8.
        private static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }
}
