using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Benchmarks.Support;

/// <summary>
/// A generated catalog of a given size loaded into a SQLite file through the app's own loader. Made once per
/// size and seed and kept in the temp folder (a 1M-product catalog takes minutes to load), migrated on every use.
/// </summary>
public static class BenchmarkCatalog
{
    public const int Seed = 42;

    /// <summary>The sizes to benchmark: 1k, 100k and 1M products, or the comma-separated list in SALES_BENCH_SIZES.</summary>
    public static IReadOnlyList<int> Sizes =>
        Environment.GetEnvironmentVariable("SALES_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [1_000, 100_000, 1_000_000];

    public static string Folder =>
        Environment.GetEnvironmentVariable("SALES_BENCH_DATA") is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "sales-assistant-bench");

    /// <summary>A context factory on the catalog of <paramref name="products"/> products, made first if missing.</summary>
    public static async Task<BenchmarkDatabase> OpenAsync(int products)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"catalog-{products}-seed{Seed}.db");
        if (!File.Exists(path))
        {
            await CreateAsync(path, products);
        }
        var database = new BenchmarkDatabase(path);
        await using var db = await database.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return database;
    }

    private static async Task CreateAsync(string path, int products)
    {
        var building = path + ".building";
        var csv = path + ".csv";
        File.Delete(building);
        await using (var file = File.Create(csv))
        {
            new CatalogGenerator(products, Seed).Write(file);
        }
        var database = new BenchmarkDatabase(building);
        await using (var db = await database.CreateDbContextAsync())
        {
            await SqliteSetup.UseWriteAheadLogAsync(db);
            await db.Database.MigrateAsync();
        }
        var result = await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadFileIntoEmptyCatalogAsync(csv);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The generated catalog is not valid: " + result.DescribeErrors());
        }
        await using (var db = await database.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        File.Delete(csv);
        File.Move(building, path);
    }
}

/// <summary>The app's context factory settings (<see cref="SqliteSetup"/>) on one database file.</summary>
public sealed class BenchmarkDatabase(string path) : IDbContextFactory<SalesDb>
{
    public string Path { get; } = path;

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    private readonly DbContextOptions<SalesDb> options = new DbContextOptionsBuilder<SalesDb>().UseSalesSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString()).Options;

    public SalesDb CreateDbContext() => SalesDb.Create(DatabaseProvider.Sqlite, options);

    public Task<SalesDb> CreateDbContextAsync(CancellationToken ct = default) => Task.FromResult(CreateDbContext());
}
