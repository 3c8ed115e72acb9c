using System.Security.Cryptography;
using System.Text;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// How logical indexes, tenants and document ids map onto Meilisearch (docs/meilisearch-engine.md):
/// <list type="bullet">
/// <item>logical index <c>L</c> → physical <c>{prefix}L</c>, shared by every tenant; for a dedicated <c>L</c> that
/// index only holds the index definition, and each tenant's documents live in <c>{prefix}L--{tenantTag}</c>;</item>
/// <item>tenant uid → <em>tenant tag</em>: lowercase hex of its UTF-8 bytes (at most 64 bytes), otherwise <c>x</c>
/// followed by the hex SHA-256 of those bytes; a tag only ever holds <c>[0-9a-fx]</c>;</item>
/// <item>(tenant, document id) → <c>_pid</c> = <c>{tag}_{id}</c>, or <c>{tag}-{sha256(id)}</c> when that would pass
/// Meilisearch's 511-byte limit. The tag holds neither <c>_</c> nor <c>-</c>, so the first of them ends it and tells
/// the two forms apart: different (tenant, id) pairs never share a <c>_pid</c>.</item>
/// </list>
/// </summary>
internal sealed class PhysicalLayout
{
    /// <summary>The platform attribute holding the physical primary key.</summary>
    public const string PidAttribute = "_pid";

    /// <summary>The isolation attribute, stamped on every stored document.</summary>
    public const string TenantAttribute = Isolation.Attribute;

    /// <summary>True for <c>_tenant</c>, <c>_pid</c> or a field nested under either (Meilisearch's dotted paths).</summary>
    public static bool IsPlatformAttribute(string name) => IsUnder(name, TenantAttribute) || IsUnder(name, PidAttribute);

    /// <summary>True when <paramref name="name"/> is <paramref name="attribute"/> or a field nested under it.</summary>
    public static bool IsUnder(string name, string attribute) =>
        name == attribute || (name.StartsWith(attribute, StringComparison.Ordinal) && name.Length > attribute.Length && name[attribute.Length] == '.');

    public const int MaxIndexUidBytes = 512;
    public const int MaxLogicalUidLength = 400;
    private const int MaxLiteralTenantBytes = 64;
    private const string DedicatedSeparator = "--";

    private readonly HashSet<string> _dedicated;

    public PhysicalLayout(string prefix, IEnumerable<string> dedicatedIndexes)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(dedicatedIndexes);
        Prefix = prefix;
        _dedicated = new HashSet<string>(dedicatedIndexes, StringComparer.Ordinal);
    }

    public string Prefix { get; }

    /// <summary>The pattern covering every physical index: the backend key's <c>indexes</c> and the token's rule.</summary>
    public string IndexPattern => Prefix + "*";

    public bool IsDedicated(string logicalUid) => _dedicated.Contains(logicalUid);

    /// <summary>
    /// Refuses what Meilisearch would refuse, plus the uids whose physical name could be a dedicated tenant index
    /// (<c>{dedicated}--…</c>).
    /// </summary>
    public void ValidateLogicalUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.Length == 0 || uid.Length > MaxLogicalUidLength || !uid.All(IsUidChar)
            || Encoding.UTF8.GetByteCount(Prefix + uid) > MaxIndexUidBytes
            || _dedicated.Any(d => uid.StartsWith(d + DedicatedSeparator, StringComparison.Ordinal)))
        {
            throw SearchEngineErrors.InvalidIndexUid(uid);
        }
    }

    /// <summary>The physical index holding the definition (and, unless dedicated, every tenant's documents).</summary>
    public string DefinitionIndex(string logicalUid) => Prefix + logicalUid;

    /// <summary>The physical index holding <paramref name="tenantUid"/>'s documents of <paramref name="logicalUid"/>.</summary>
    public string DocumentIndex(string logicalUid, string tenantUid)
    {
        if (!IsDedicated(logicalUid))
        {
            return DefinitionIndex(logicalUid);
        }

        var name = DedicatedPrefix(logicalUid) + TenantTag(tenantUid);
        return Encoding.UTF8.GetByteCount(name) <= MaxIndexUidBytes ? name : throw SearchEngineErrors.InvalidIndexUid(logicalUid);
    }

    /// <summary>Prefix of the tenant indexes of a dedicated logical index.</summary>
    public string DedicatedPrefix(string logicalUid) => Prefix + logicalUid + DedicatedSeparator;

    /// <summary>True when <paramref name="physicalUid"/> is one tenant's index of the dedicated <paramref name="logicalUid"/>.</summary>
    public bool IsTenantIndexOf(string physicalUid, string logicalUid)
    {
        var prefix = DedicatedPrefix(logicalUid);
        return physicalUid.StartsWith(prefix, StringComparison.Ordinal)
            && physicalUid.Length > prefix.Length
            && physicalUid.AsSpan(prefix.Length).IndexOfAnyExcept("0123456789abcdefx") < 0;
    }

    /// <summary>The tenant's tag (see the class remarks): injective, and only <c>[0-9a-fx]</c>.</summary>
    public static string TenantTag(string tenantUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantUid);
        var bytes = Encoding.UTF8.GetBytes(tenantUid);
        return bytes.Length <= MaxLiteralTenantBytes
            ? Convert.ToHexStringLower(bytes)
            : "x" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The physical id of a (valid) logical document id.</summary>
    public static string Pid(string tenantUid, string documentId)
    {
        var tag = TenantTag(tenantUid);
        var literal = tag + "_" + documentId;
        return literal.Length <= DocumentIds.MaxIdBytes // ids are ASCII once validated, so characters are bytes
            ? literal
            : tag + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentId)));
    }

    /// <summary>
    /// The isolation condition, always quoted: <c>_tenant = "acme"</c>. Used in the backend token, and in every
    /// fetch and delete by filter.
    /// </summary>
    public static string IsolationFilter(string tenantUid)
    {
        var builder = new StringBuilder(TenantAttribute.Length + tenantUid.Length + 6).Append(TenantAttribute).Append(" = \"");
        foreach (var c in tenantUid)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static bool IsUidChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
