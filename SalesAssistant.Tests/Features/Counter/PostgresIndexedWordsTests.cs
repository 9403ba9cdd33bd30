using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Benchmarks.Search;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

/// <summary>
/// PostgreSQL only: the subject is its full-text index and statistics (SearchWordFrequencies). With statistics, the
/// search that looks up only the rarer words in the index finds exactly what the one looking up every word finds.
/// </summary>
public sealed class PostgresIndexedWordsTests
{
    [Fact]
    public async Task Looking_up_only_the_rarer_words_finds_the_same_products_in_the_same_order()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var csv = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(csv))
            {
                new CatalogGenerator(5_000, 42).Write(file);
            }
            var result = await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadFileIntoEmptyCatalogAsync(csv);
            Assert.True(result.IsValid, result.DescribeErrors());
        }
        finally
        {
            File.Delete(csv);
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // The statistics autovacuum would gather a little after a load.
        await using (var analyze = new NpgsqlCommand("ANALYZE \"Products\"", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        var frequencies = await SearchWordFrequencies.OfAsync(connection, CancellationToken.None);
        Assert.NotNull(frequencies);

        // What clerks type (the benchmark's terms): a tier name, a brand and a model number in one search, and so on.
        var terms = await SearchTerms.FromCatalogAsync(new BenchmarkDatabase(database.Settings), 400);
        var search = new ProductSearch(database);
        var split = 0;
        foreach (var term in terms)
        {
            var (query, indexed) = ProductSearch.PostgresQueries(term, frequencies)!.Value;
            split += indexed is null ? 0 : 1;
            await using var everyWord = new NpgsqlCommand(ProductSearch.PostgresCommandText(everyWordIndexed: true), connection);
            everyWord.Parameters.AddWithValue("query", query);
            everyWord.Parameters.AddWithValue("term", term.Trim());
            var expected = new List<string>();
            await using (var reader = await everyWord.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    expected.Add(reader.GetString(0) + "|" + reader.GetString(2));
                }
            }
            // Ties (same rank and name) may come in either order: compare the names in order.
            var found = (await search.SearchAsync(term)).Select(h => h.Name).ToList();
            var names = expected.DistinctBy(e => e.Split('|')[0], StringComparer.OrdinalIgnoreCase).Take(ProductSearch.MaxResults).Select(e => e.Split('|')[1]).ToList();
            Assert.True(names.SequenceEqual(found), $"'{term}' ({indexed}): {string.Join(",", found)} vs {string.Join(",", names)}");
        }
        Assert.True(split > 20, $"only {split} searches looked up fewer words");
    }
}
