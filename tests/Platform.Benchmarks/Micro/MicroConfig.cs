using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Platform.Benchmarks.Micro;

/// <summary>
/// BenchmarkDotNet configuration. By default a short job (3 warm-up and 3 measured iterations, 1 launch) run in this
/// process: the machine is small and shared, and generating and building a separate benchmark project per run
/// costs minutes. With <c>--job</c> on the command line BenchmarkDotNet's own (out-of-process) jobs are used instead.
/// </summary>
public static class MicroConfig
{
    public static IConfig Create(string[] args)
    {
        var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        if (args.Any(a => a is "--job" or "-j"))
        {
            return config;
        }

        return config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
    }
}
