using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SalesAssistant.Benchmarks.Support;

/// <summary>
/// One operation per measured iteration, so BenchmarkDotNet's percentile columns are percentiles of single
/// operations (a search, a pitch), not of averages. In-process: the catalog databases are opened once per case.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    /// <summary>400 operations a case, or SALES_BENCH_ITERATIONS (the smoke test runs a few).</summary>
    public static int Iterations =>
        Environment.GetEnvironmentVariable("SALES_BENCH_ITERATIONS") is { Length: > 0 } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 400;

    public LatencyConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(Math.Min(20, Iterations))
            .WithIterationCount(Iterations));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddColumnProvider(DefaultColumnProviders.Instance);
    }
}
