using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Catalog;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Benchmarks.Search;

/// <summary>
/// Product search at 1k / 100k / 1M products, three ways, one query per measured iteration (so the P95 column is
/// the 95th percentile of single queries): (a) the app's <see cref="ProductSearch"/> as the page calls it,
/// (b) the same SQL as a prepared command on a connection kept open (the floor), (c) a naive EF query
/// with LIKE '%word%' on every column (what a simple implementation does).
/// </summary>
[Config(typeof(LatencyConfig))]
public class SearchBenchmarks
{
    private IReadOnlyList<string> terms = [];
    private BenchmarkDatabase database = null!;
    private ProductSearch search = null!;
    private SqliteConnection connection = null!;
    private SqliteCommand ftsCommand = null!;
    private int next;

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkCatalog.Sizes;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkCatalog.OpenAsync(Products);
        terms = await SearchTerms.FromCatalogAsync(database, LatencyConfig.Iterations);
        search = new ProductSearch(database);
        connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        ftsCommand = connection.CreateCommand();
        ftsCommand.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, ProductSearch.SearchSql, "$query", "$term", ProductSearch.MaxRankedMatches, ProductSearch.MaxResults + 2);
        ftsCommand.Parameters.Add("$query", SqliteType.Text);
        ftsCommand.Parameters.Add("$term", SqliteType.Text);
        ftsCommand.Prepare();
        // Every case starts with the pages its terms touch in memory, whichever case ran before it.
        for (next = 0; next < terms.Count; next++)
        {
            RawFts();
        }
        next = 0;
    }

    /// <summary>Each method walks the same terms in the same order.</summary>
    [IterationSetup]
    public void NextTerm() => next = (next + 1) % terms.Count;

    [Benchmark(Baseline = true, Description = "(a) app search")]
    public Task<IReadOnlyList<ProductHit>> AppSearch() => search.SearchAsync(terms[next]);

    [Benchmark(Description = "(b) raw FTS5")]
    public int RawFts()
    {
        using var reader = ExecuteFts();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }
        return rows;
    }

    /// <summary>What <see cref="RawFts"/> reads, as SKUs in order (for checking the cases against each other, not measured).</summary>
    public IReadOnlyList<string> RawFtsSkus()
    {
        using var reader = ExecuteFts();
        var skus = new List<string>();
        while (reader.Read())
        {
            skus.Add(reader.GetString(0));
        }
        return skus;
    }

    [Benchmark(Description = "(c) naive LIKE")]
    public async Task<int> NaiveLike() => (await NaiveLikeSkusAsync()).Count;

    /// <summary>The products the naive query finds for the current term, by SKU.</summary>
    public async Task<IReadOnlyList<string>> NaiveLikeSkusAsync()
    {
        await using var db = await database.CreateDbContextAsync();
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        foreach (var word in CurrentTerm.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = $"%{word}%";
            query = query.Where(p => EF.Functions.Like(p.Name, pattern) || EF.Functions.Like(p.Brand!, pattern)
                || EF.Functions.Like(p.Sku, pattern) || EF.Functions.Like(p.Ean!, pattern));
        }
        var hits = await query.OrderBy(p => p.Name).Take(20).Select(p => new { p.Sku, p.Name, Category = p.Category!.Name, p.PriceMinor, p.Stock }).ToListAsync();
        return hits.Select(h => h.Sku).ToList();
    }

    /// <summary>The term the cases search for in this iteration.</summary>
    public string CurrentTerm => terms[next];

    /// <summary>How many terms the cases walk through.</summary>
    public int TermCount => terms.Count;

    private SqliteDataReader ExecuteFts()
    {
        ftsCommand.Parameters[0].Value = ProductQueries.FullTextQuery(terms[next]) ?? "\"\"";
        ftsCommand.Parameters[1].Value = terms[next].Trim();
        return ftsCommand.ExecuteReader();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ftsCommand.Dispose();
        connection.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
