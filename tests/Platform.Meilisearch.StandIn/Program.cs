using Platform.Meilisearch.StandIn;

// The process mode: `dotnet Platform.Meilisearch.StandIn.dll --url http://127.0.0.1:7700 [--data FOLDER]`, with the master key from
// MEILI_MASTER_KEY (never on the command line). Prints one line once it listens, and stops on Ctrl+C or SIGTERM.
// Its index data lives in FOLDER when given, else in a temporary folder deleted on exit; keys, tasks and index metadata are in memory only, so a
// restarted stand-in starts empty.
var url = "http://127.0.0.1:7700";
string? data = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--url" when i + 1 < args.Length:
            url = args[++i];
            break;
        case "--data" when i + 1 < args.Length:
            data = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Meilisearch stand-in: unknown argument '{args[i]}'. Usage: --url http://127.0.0.1:PORT [--data FOLDER]");
            return 2;
    }
}

var masterKey = Environment.GetEnvironmentVariable("MEILI_MASTER_KEY");
if (string.IsNullOrEmpty(masterKey))
{
    Console.Error.WriteLine("Meilisearch stand-in: set MEILI_MASTER_KEY to the master key.");
    return 2;
}

await using var meili = await StandInMeilisearch.StartAsync(masterKey, url, dataRoot: data, TimeProvider.System);
Console.WriteLine($"Meilisearch stand-in listening on {meili.Url.AbsoluteUri.TrimEnd('/')}");
await meili.WaitForShutdownAsync();
return 0;
