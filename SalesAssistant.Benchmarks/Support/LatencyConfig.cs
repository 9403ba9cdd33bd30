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
    public const int Iterations = 400;

    public LatencyConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(20)
            .WithIterationCount(Iterations));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        // Invocation-per-iteration is on purpose: without this the minimum-iteration-time check stops the run.
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
