using System.Globalization;

namespace Platform.Benchmarks.Load;

/// <summary>Options of the load harness: <c>--name value</c> pairs, every one optional.</summary>
public sealed record LoadOptions
{
    public int Tenants { get; init; } = 100;

    public int DocumentsPerTenant { get; init; } = 1000;

    /// <summary>Documents per <c>POST /indexes/{uid}/documents</c>.</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Concurrent ingest clients (each one works through its own tenants).</summary>
    public int IngestClients { get; init; } = 2;

    public int Warmup { get; init; } = 300;

    /// <summary>Measured requests per (path, concurrency, round).</summary>
    public int Requests { get; init; } = 2000;

    public IReadOnlyList<int> Clients { get; init; } = [1, 4];

    /// <summary>Every (path, concurrency) cell runs this many times, paths interleaved, so drift shows.</summary>
    public int Rounds { get; init; } = 2;

    public int Seed { get; init; } = 20240611;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--tenants" => options with { Tenants = Int(value) },
                "--docs-per-tenant" => options with { DocumentsPerTenant = Int(value) },
                "--batch" => options with { BatchSize = Int(value) },
                "--ingest-clients" => options with { IngestClients = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--requests" => options with { Requests = Int(value) },
                "--clients" => options with { Clients = value.Split(',').Select(Int).ToArray() },
                "--rounds" => options with { Rounds = Int(value) },
                "--seed" => options with { Seed = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} has no value.");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
