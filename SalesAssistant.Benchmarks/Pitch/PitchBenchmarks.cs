using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Benchmarks.Pitch;

/// <summary>
/// The data of the up-sell and accessory steps for one product (<see cref="ProductPitches.ForProductAsync"/>):
/// its tiers with specs and talking points, its accessories in stock with theirs. One product per measured
/// iteration, walking main products of the catalog that have a family and accessories; on SQLite and PostgreSQL
/// (see <see cref="BenchmarkCatalog.Providers"/>).
/// </summary>
[Config(typeof(LatencyConfig))]
public class PitchBenchmarks
{
    private BenchmarkDatabase database = null!;
    private IReadOnlyList<int> productIds = [];
    private int next;

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkCatalog.Sizes;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers => BenchmarkCatalog.Providers;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkCatalog.OpenAsync(Products, Provider);
        await using var db = await database.CreateDbContextAsync();
        var random = new Random(11);
        var withAccessories = await db.AccessoryLinks.Select(a => a.ProductId).Distinct().OrderBy(id => id).ToListAsync();
        productIds = Enumerable.Range(0, LatencyConfig.Iterations).Select(_ => withAccessories[random.Next(withAccessories.Count)]).ToList();
        // Start with the pages these products touch in memory, whichever case ran before.
        foreach (var id in productIds)
        {
            await ProductPitches.ForProductAsync(db, id);
        }
    }

    [IterationSetup]
    public void NextProduct() => next = (next + 1) % productIds.Count;

    [Benchmark(Description = "pitch of one product")]
    public async Task<ProductPitchSet?> PitchOfOneProduct()
    {
        await using var db = await database.CreateDbContextAsync();
        return await ProductPitches.ForProductAsync(db, productIds[next]);
    }
}
