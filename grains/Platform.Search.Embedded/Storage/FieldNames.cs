namespace Platform.Search.Embedded.Storage;

/// <summary>Lucene field names. User attributes only ever appear behind a <c>s:</c>/<c>n:</c> prefix, so they cannot collide with these.</summary>
internal static class FieldNames
{
    public const string Key = "_key";
    public const string Tenant = "_tenant";
    public const string Id = "_id";
    public const string Source = "_source";
    public const string SourceValues = "_source_dv";
    public const string AllText = "_all";
    public const string Exists = "_exists";
    public const string Null = "_null";
    public const string Empty = "_empty";

    public static string Keyword(string path) => "s:" + path;

    public static string Numeric(string path) => "n:" + path;

    /// <summary>Internal unique key of a tenant's document; never shown to clients.</summary>
    public static string DocumentKey(string tenant, string id) => tenant + "\u001f" + id;

    /// <summary>String values are compared case-insensitively; very long ones are cut so they fit a Lucene term.</summary>
    public static string NormalizeKeyword(string value) =>
        (value.Length > 512 ? value[..512] : value).ToLowerInvariant();
}
