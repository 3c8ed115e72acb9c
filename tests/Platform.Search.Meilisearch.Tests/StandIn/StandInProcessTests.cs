using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>
/// The stand-in's process mode, as the cluster tests start it: <c>dotnet Platform.Meilisearch.StandIn.dll --url …</c>
/// with the master key from <c>MEILI_MASTER_KEY</c>, ready once it prints its listening line.
/// </summary>
public sealed class StandInProcessTests
{
    private const string MasterKey = "standin-process-master-key";

    [Fact]
    public async Task The_process_announces_its_url_and_then_serves_meilisearch_with_the_master_key_from_the_environment()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var dll = Path.Combine(AppContext.BaseDirectory, "Platform.Meilisearch.StandIn.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(url);
        start.Environment["MEILI_MASTER_KEY"] = MasterKey;
        using var process = Process.Start(start)!;
        try
        {
            // A generous outer bound only: the line arrives once Kestrel listens.
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"Meilisearch stand-in listening on {url}", line);

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal("""{"status":"available"}""", await http.GetStringAsync("/health"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/version")).StatusCode);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/version")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Without_a_master_key_the_process_refuses_to_start_in_one_line()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Platform.Meilisearch.StandIn.dll"));
        start.Environment["MEILI_MASTER_KEY"] = "";
        using var process = Process.Start(start)!;

        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("Meilisearch stand-in: set MEILI_MASTER_KEY to the master key.", error.Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
