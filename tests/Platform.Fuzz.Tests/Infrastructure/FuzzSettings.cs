using System.Globalization;

namespace Platform.Fuzz.Tests.Infrastructure;

/// <summary>
/// How long a run is. CI runs the short default; <c>FUZZ_INPUTS=1000000</c> selects the long run
/// (docs/security.md#fuzzing), <c>FUZZ_THREADS</c> its concurrency, <c>FUZZ_SEED</c> replays a CsCheck seed, and
/// <c>FUZZ_FINDINGS</c> names a file that collects every failing input (not only the shrunk one).
/// </summary>
internal static class FuzzSettings
{
    public static long Inputs => Number("FUZZ_INPUTS", 3_000);

    public static int Threads => (int)Number("FUZZ_THREADS", 1);

    public static string? Seed => Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    public static string? FindingsFile => Environment.GetEnvironmentVariable("FUZZ_FINDINGS") is { Length: > 0 } f ? f : null;

    /// <summary>Each request's client timeout: generous, since a hang is what it is there to catch.</summary>
    public static TimeSpan RequestTimeout => TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most one request may allocate across the whole process (client and server): far above any legitimate
    /// request the generators make (bodies stay under 1 MiB), far below an allocation sized by a client's number.
    /// </summary>
    public const long MaxAllocatedBytesPerRequest = 256L * 1024 * 1024;

    private static long Number(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
