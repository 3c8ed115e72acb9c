using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks.Load;

/// <summary>
/// Percentiles from every sample (timestamps from <see cref="Stopwatch.GetTimestamp"/>), sorted once: exact
/// nearest-rank percentiles, no bucketing, which is affordable for a few thousand samples per run.
/// </summary>
public sealed class LatencyStats
{
    private readonly double[] _sortedMicros;

    public LatencyStats(IEnumerable<long> elapsedTicks, TimeSpan wall)
    {
        _sortedMicros = elapsedTicks.Select(t => t * 1_000_000.0 / Stopwatch.Frequency).Order().ToArray();
        Wall = wall;
    }

    public int Count => _sortedMicros.Length;

    public TimeSpan Wall { get; }

    public double PerSecond => Count / Wall.TotalSeconds;

    public double Mean => _sortedMicros.Length == 0 ? double.NaN : _sortedMicros.Average();

    public double Max => _sortedMicros.Length == 0 ? double.NaN : _sortedMicros[^1];

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of samples at or below it.</summary>
    public double Percentile(double percent)
    {
        if (_sortedMicros.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * _sortedMicros.Length);
        return _sortedMicros[Math.Clamp(rank - 1, 0, _sortedMicros.Length - 1)];
    }

    /// <summary>Microseconds as milliseconds with three decimals.</summary>
    public static string Ms(double micros) => (micros / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
}
