using BenchmarkDotNet.Running;
using Platform.Benchmarks.Load;
using Platform.Benchmarks.Micro;

namespace Platform.Benchmarks;

/// <summary>Entry point: <c>load</c> runs the load harness, <c>writes</c> the concurrent-writes run, <c>bench</c> hands the rest of the arguments to BenchmarkDotNet.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "";
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "load":
                return await LoadHarness.RunAsync(LoadOptions.Parse(rest));
            case "writes":
                return await WriteLoad.RunAsync(rest);
            case "bench":
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(rest, MicroConfig.Create(rest));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/Platform.Benchmarks -- load [options] | writes [--tenants N --clients N --requests N] | bench [BenchmarkDotNet args]");
                return 2;
        }
    }
}
