using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Benchmarks.Search;

/// <summary>
/// Product search at 1k / 100k / 1M products on SQLite (and PostgreSQL, see <see cref="BenchmarkCatalog.Providers"/>),
/// three ways, one query per measured iteration (so the P95 column is the 95th percentile of single queries): (a) the
/// app's <see cref="ProductSearch"/> as the page calls it, (b) the same SQL (<see cref="ProductSearch.SearchSql"/>, or
/// <see cref="ProductSearch.PostgresSearchSql"/> in the form the app chooses for the term) as a prepared command on a
/// connection kept open (the floor), (c) a
/// naive EF query with LIKE '%word%' (ILIKE on PostgreSQL, where LIKE minds case) on every column (what a simple
/// implementation does).
/// </summary>
[Config(typeof(LatencyConfig))]
public class SearchBenchmarks
{
    private IReadOnlyList<string> terms = [];
    private BenchmarkDatabase database = null!;
    private ProductSearch search = null!;
    private DbConnection connection = null!;
    private DbCommand ftsCommand = null!;
    private NpgsqlCommand? someWordsCommand;
    private SearchWordFrequencies? frequencies;
    private int next;

    [ParamsSource(nameof(Sizes))]
    public int Products { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkCatalog.Sizes;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers => BenchmarkCatalog.Providers;

    private bool Postgres => Provider == DatabaseProvider.Postgres;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkCatalog.OpenAsync(Products, Provider);
        terms = await SearchTerms.FromCatalogAsync(database, LatencyConfig.Iterations);
        search = new ProductSearch(database);
        (connection, ftsCommand) = Postgres ? await PreparePostgresAsync() : await PrepareSqliteAsync();
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

    private async Task<(DbConnection, DbCommand)> PrepareSqliteAsync()
    {
        var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        var command = sqlite.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, ProductSearch.SearchSql, "$query", "$term", ProductSearch.MaxRankedMatches, ProductSearch.MaxResults + 2);
        command.Parameters.Add("$query", SqliteType.Text);
        command.Parameters.Add("$term", SqliteType.Text);
        command.Prepare();
        return (sqlite, command);
    }

    /// <summary>
    /// The app's PostgreSQL search SQL, in its two forms (the index looks up every word, or only the rarer ones), each
    /// prepared once (a server-side prepared statement) on a connection kept open; the words' frequencies read once.
    /// </summary>
    private async Task<(DbConnection, DbCommand)> PreparePostgresAsync()
    {
        var postgres = new NpgsqlConnection(database.ConnectionString);
        await postgres.OpenAsync();
        frequencies = await SearchWordFrequencies.OfAsync(postgres, CancellationToken.None);
        var everyWord = postgres.CreateCommand();
        everyWord.CommandText = ProductSearch.PostgresCommandText(everyWordIndexed: true);
        everyWord.Parameters.Add("query", NpgsqlDbType.Text);
        everyWord.Parameters.Add("term", NpgsqlDbType.Text);
        await everyWord.PrepareAsync();
        someWordsCommand = postgres.CreateCommand();
        someWordsCommand.CommandText = ProductSearch.PostgresCommandText(everyWordIndexed: false);
        someWordsCommand.Parameters.Add("query", NpgsqlDbType.Text);
        someWordsCommand.Parameters.Add("term", NpgsqlDbType.Text);
        someWordsCommand.Parameters.Add("indexed", NpgsqlDbType.Text);
        await someWordsCommand.PrepareAsync();
        return (postgres, everyWord);
    }

    [Benchmark(Description = "(b) raw SQL")]
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
            query = Postgres
                // The SKU's column compares ignoring case (a nondeterministic collation), which ILIKE refuses: match it as bytes.
                ? query.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.Brand!, pattern)
                    || EF.Functions.ILike(EF.Functions.Collate(p.Sku, "C"), pattern) || EF.Functions.ILike(p.Ean!, pattern))
                : query.Where(p => EF.Functions.Like(p.Name, pattern) || EF.Functions.Like(p.Brand!, pattern)
                    || EF.Functions.Like(p.Sku, pattern) || EF.Functions.Like(p.Ean!, pattern));
        }
        var hits = await query.OrderBy(p => p.Name).Take(20).Select(p => new { p.Sku, p.Name, Category = p.Category!.Name, p.PriceMinor, p.Stock }).ToListAsync();
        return hits.Select(h => h.Sku).ToList();
    }

    /// <summary>The term the cases search for in this iteration.</summary>
    public string CurrentTerm => terms[next];

    /// <summary>How many terms the cases walk through.</summary>
    public int TermCount => terms.Count;

    private DbDataReader ExecuteFts()
    {
        var term = terms[next].Trim();
        if (!Postgres)
        {
            ftsCommand.Parameters[0].Value = ProductQueries.FullTextQuery(term) ?? "\"\"";
            ftsCommand.Parameters[1].Value = term;
            return ftsCommand.ExecuteReader();
        }
        var (query, indexed) = ProductSearch.PostgresQueries(term, frequencies) ?? ("", null);
        var command = indexed is null ? ftsCommand : someWordsCommand!;
        command.Parameters[0].Value = query;
        command.Parameters[1].Value = term;
        if (indexed is not null)
        {
            command.Parameters[2].Value = indexed;
        }
        return command.ExecuteReader();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ftsCommand.Dispose();
        someWordsCommand?.Dispose();
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
