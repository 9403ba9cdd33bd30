using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Benchmarks.Support;

/// <summary>
/// A generated catalog of a given size loaded through the app's own loader, into a SQLite file or a PostgreSQL
/// database. Made once per size, seed and provider and kept (SQLite files in the temp folder, PostgreSQL databases in
/// the cluster of SALES_BENCH_POSTGRES): a 1M-product catalog takes minutes to load. Migrated on every use.
/// </summary>
public static class BenchmarkCatalog
{
    public const int Seed = 42;

    /// <summary>The sizes to benchmark: 1k, 100k and 1M products, or the comma-separated list in SALES_BENCH_SIZES.</summary>
    public static IReadOnlyList<int> Sizes =>
        Environment.GetEnvironmentVariable("SALES_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [1_000, 100_000, 1_000_000];

    /// <summary>
    /// The PostgreSQL server to benchmark on (a connection string without a database, e.g. the one
    /// <c>scripts/postgres-cluster.sh start DIR</c> prints), or null: SQLite only.
    /// </summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("SALES_BENCH_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>
    /// The databases to benchmark: the comma-separated list in SALES_BENCH_PROVIDERS, else SQLite, and PostgreSQL
    /// too when SALES_BENCH_POSTGRES names a server.
    /// </summary>
    public static IReadOnlyList<DatabaseProvider> Providers =>
        Environment.GetEnvironmentVariable("SALES_BENCH_PROVIDERS") is { Length: > 0 } providers
            ? providers.Split(',').Select(Enum.Parse<DatabaseProvider>).ToList()
            : PostgresServer is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static string Folder =>
        Environment.GetEnvironmentVariable("SALES_BENCH_DATA") is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "sales-assistant-bench");

    /// <summary>A context factory on the catalog of <paramref name="products"/> products, made first if missing.</summary>
    public static async Task<BenchmarkDatabase> OpenAsync(int products, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = provider == DatabaseProvider.Postgres ? await OpenPostgresAsync(products) : await OpenSqliteAsync(products);
        await using var db = await database.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return database;
    }

    private static async Task<BenchmarkDatabase> OpenSqliteAsync(int products)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"catalog-{products}-seed{Seed}.db");
        if (!File.Exists(path))
        {
            var building = path + ".building";
            File.Delete(building);
            var database = new BenchmarkDatabase(building);
            await using (var db = await database.CreateDbContextAsync())
            {
                await SqliteSetup.UseWriteAheadLogAsync(db);
                await db.Database.MigrateAsync();
            }
            await LoadGeneratedCatalogAsync(database, products, path + ".csv");
            await using (var db = await database.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            SqliteConnection.ClearAllPools();
            File.Move(building, path);
        }
        return new BenchmarkDatabase(path);
    }

    /// <summary>
    /// The database <c>sales_bench_{products}_seed{seed}</c> on <see cref="PostgresServer"/>: built under another name and
    /// renamed once loaded, so a load cut short is never taken for a catalog. Vacuumed and analysed after the load, the
    /// state autovacuum brings a loaded database to within a minute.
    /// </summary>
    private static async Task<BenchmarkDatabase> OpenPostgresAsync(int products)
    {
        var server = PostgresServer ?? throw new InvalidOperationException(
            "SALES_BENCH_POSTGRES is not set: start a cluster (scripts/postgres-cluster.sh start DIR) and set it to the connection string it prints.");
        var name = $"sales_bench_{products}_seed{Seed}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            if (await ExistsAsync(admin, name))
            {
                return BenchmarkDatabase.OnPostgres(server, name);
            }
            var building = name + "_building";
            await ExecuteAsync(admin, $"""DROP DATABASE IF EXISTS "{building}" """);
            await ExecuteAsync(admin, $"""CREATE DATABASE "{building}" """);
            var database = BenchmarkDatabase.OnPostgres(server, building);
            await using (var db = await database.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }
            await LoadGeneratedCatalogAsync(database, products, Path.Combine(Path.GetTempPath(), $"{name}.csv"));
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await ExecuteAsync(connection, "VACUUM (ANALYZE)");
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"""ALTER DATABASE "{building}" RENAME TO "{name}" """);
        }
        return BenchmarkDatabase.OnPostgres(server, name);
    }

    private static async Task LoadGeneratedCatalogAsync(BenchmarkDatabase database, int products, string csv)
    {
        await using (var file = File.Create(csv))
        {
            new CatalogGenerator(products, Seed).Write(file);
        }
        try
        {
            var result = await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadFileIntoEmptyCatalogAsync(csv);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("The generated catalog is not valid: " + result.DescribeErrors());
            }
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection admin, string name)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The app's context factory settings (<see cref="DatabaseSettings"/>) on one benchmark database.</summary>
public sealed class BenchmarkDatabase(DatabaseSettings settings) : IDbContextFactory<SalesDb>
{
    /// <summary>A SQLite database file.</summary>
    public BenchmarkDatabase(string path)
        : this(new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString()))
    {
    }

    public static BenchmarkDatabase OnPostgres(string server, string database) =>
        new(new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString()));

    public DatabaseProvider Provider => settings.Provider;

    public string ConnectionString => settings.ConnectionString;

    private readonly DbContextOptions<SalesDb> options = settings.Configure(new DbContextOptionsBuilder<SalesDb>()).Options;

    public SalesDb CreateDbContext() => SalesDb.Create(settings.Provider, options);

    public Task<SalesDb> CreateDbContextAsync(CancellationToken ct = default) => Task.FromResult(CreateDbContext());
}
