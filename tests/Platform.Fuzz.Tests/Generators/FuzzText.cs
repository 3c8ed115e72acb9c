using CsCheck;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>
/// Text for uids, filters, query parameters and JSON strings: real identifiers, near misses (a trailing newline,
/// a filter on <c>_tenant</c>), random characters, and long values.
/// </summary>
internal static class FuzzText
{
    private const string Characters = "aZ09 _-*.,:=<>!'\"\\/[]{}()\n\t\0é€😀\u200b\u00a0";

    public static readonly string[] Words =
    [
        "", " ", "*", "fuzz-shared", "fuzz-shared\n", "fuzz-alpha", "fuzz-alpha\n", "fuzz-beta", "fuzz-spare", "other",
        "a", "null", "genre = drama", "year > 2000", "year 1990 TO 2000", "_tenant = fuzz-beta", "genre IN [drama, comedy]",
        "NOT genre = drama", "genre EXISTS", "genre IS NULL", "genre IS EMPTY", "(genre = drama", "year:asc", "year:desc",
        "title", "genre", "year", "id", "_tenant", "search", "documents.*", "documents.add", "tokens.create", "tasks.get",
        "2030-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "yesterday", "00000000-0000-0000-0000-000000000000", "last",
        "all", "frequency", "enqueued", "succeeded", "documentAdditionOrUpdate", "active", "suspended", "<em>", "…",
        "_geoPoint(0, 0):asc", "_geoRadius(0, 0, 10)", "0", "-1", "2147483648", "1e400",
    ];

    /// <summary>Short text: words and random characters.</summary>
    public static readonly Gen<string> Short = Gen.Frequency(
        (6, Gen.OneOf(Words)),
        (3, Gen.String[Gen.Char[Characters], 0, 12]),
        (1, Gen.Select(Gen.OneOf(Words), Gen.OneOf(" AND ", " OR ", ", ", " "), Gen.OneOf(Words), (a, op, b) => a + op + b)));

    /// <summary>Any text a body may carry: short, or long (up to 20,000 characters, one term Lucene still takes).</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (40, Short),
        (1, Gen.Int[100, 20_000].Select(n => new string('a', n))));

    /// <summary>A filter of more than 1,024 clauses (Lucene's <c>TooManyClauses</c> limit).</summary>
    public static readonly Gen<string> ManyClauses = Gen.Int[1_025, 2_000].Select(count =>
        "genre = y" + string.Concat(Enumerable.Repeat(" OR genre = x", count)));

    /// <summary>A single term over Lucene's 32,766-byte limit.</summary>
    public static readonly Gen<string> ImmenseTerm = Gen.Const(new string('x', 40_000));

    /// <summary>A 100 KB highlight tag.</summary>
    public static readonly Gen<string> HugeTag = Gen.Const(new string('<', 100_000));
}
