using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Benchmarks.Pitch;
using SalesAssistant.Benchmarks.Search;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Benchmarks;

/// <summary>
/// The benchmarks at their smallest size (1k products), so the harness cannot rot: BenchmarkDotNet runs them
/// in-process and every case must produce measurements. No figure is asserted: speed goals live in BENCHMARKS.md.
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class BenchmarkSmokeTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("sales-assistant-bench-smoke-").FullName;

    public BenchmarkSmokeTests()
    {
        Environment.SetEnvironmentVariable("SALES_BENCH_SIZES", "1000");
        Environment.SetEnvironmentVariable("SALES_BENCH_ITERATIONS", "3");
        Environment.SetEnvironmentVariable("SALES_BENCH_DATA", data);
    }

    [Fact]
    public async Task The_search_methods_find_the_same_products_the_catalog_holds()
    {
        var benchmarks = new SearchBenchmarks { Products = 1000 };
        await benchmarks.SetupAsync();
        try
        {
            var db = await BenchmarkCatalog.OpenAsync(1000);
            await using var context = await db.CreateDbContextAsync();
            var catalog = await context.Products.AsNoTracking().Where(p => p.IsActive)
                .ToDictionaryAsync(p => p.Sku, p => new[] { p.Name, p.Brand ?? "", p.Sku, p.Ean ?? "" }, StringComparer.OrdinalIgnoreCase);
            var found = 0;
            for (var i = 0; i < benchmarks.TermCount; i++)
            {
                benchmarks.NextTerm();
                var term = benchmarks.CurrentTerm;
                var app = (await benchmarks.AppSearch()).Select(h => h.Sku).ToList();
                var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);

                // (a) and (b) run the same SQL: the same products in the same order (the app lists an exact SKU once).
                Assert.Equal(app, benchmarks.RawFtsSkus().Distinct(StringComparer.OrdinalIgnoreCase).Take(ProductSearch.MaxResults));
                // Every product found is an active product of the catalog that matches what was typed.
                Assert.All(app, sku => Assert.True(catalog.ContainsKey(sku), $"'{term}' found {sku}, which is not an active product"));
                Assert.All(await benchmarks.NaiveLikeSkusAsync(), sku => Assert.All(words, word =>
                    Assert.Contains(catalog[sku], field => field.Contains(word, StringComparison.OrdinalIgnoreCase))));
                found += app.Count;
            }
            Assert.True(found > 0, "No term found anything");
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    [Fact]
    public async Task The_import_under_load_harness_imports_while_clerks_work_and_counts_their_actions()
    {
        var result = await SalesAssistant.Benchmarks.Catalog.ImportUnderLoadCommand.MeasureAsync(products: 300, clerks: 2, think: TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.True(result.ImportApplied);
        Assert.Equal(300, result.ImportChanged);
        Assert.True(result.Actions > 0, "no clerk action ran during the import");
    }

    [Fact]
    public async Task The_pitch_benchmark_reads_a_product_with_accessories()
    {
        var benchmarks = new PitchBenchmarks { Products = 1000 };
        await benchmarks.SetupAsync();

        var pitch = await benchmarks.PitchOfOneProduct();

        Assert.NotNull(pitch);
        Assert.NotEmpty(pitch.Accessories);
    }

    [Theory]
    [InlineData(typeof(SearchBenchmarks))]
    [InlineData(typeof(PitchBenchmarks))]
    public void BenchmarkDotNet_runs_every_case_at_the_smallest_size(Type benchmarks)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(data, "artifacts"));

        var summary = BenchmarkRunner.Run(benchmarks, config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join(Environment.NewLine, summary.ValidationErrors.Select(e => e.Message)));
        Assert.NotEmpty(summary.Reports);
        Assert.All(summary.Reports, report => Assert.True(report.Success && report.AllMeasurements.Count > 0, report.BenchmarkCase.DisplayInfo));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
