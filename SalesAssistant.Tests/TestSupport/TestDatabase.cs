using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>A real SQLite database in a temporary file, migrated like the app's, deleted afterwards.</summary>
public sealed class TestDatabase : IDbContextFactory<SalesDb>, IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sales-assistant-test-").FullName;

    private TestDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "test.db"), Pooling = false }.ToString();
    }

    public string ConnectionString { get; }

    public int CommandCount => commandCounter.Count;

    private readonly CommandCounter commandCounter = new();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await SqliteSetup.UseWriteAheadLogAsync(db);
        await db.Database.MigrateAsync();
        db.Users.AddRange(TestUsers.All);
        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>A database file that does not exist yet: nothing migrated, no users.</summary>
    public static TestDatabase Empty() => new();

    /// <summary>A database holding the catalog of <paramref name="csv"/>, which must be valid.</summary>
    public static async Task<TestDatabase> WithCatalogAsync(string csv)
    {
        var database = await CreateAsync();
        var file = new CatalogFileReader().Read(System.Text.Encoding.UTF8.GetBytes(csv), "test.csv");
        Assert.True(file.IsValid, file.DescribeErrors());
        await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadIntoEmptyCatalogAsync(file);
        return database;
    }

    /// <summary>
    /// Contexts on the same database that wait at most a second for another writer's lock (the app waits
    /// <see cref="SqliteSetup.BusyTimeout"/>), for tests of what a busy database does.
    /// </summary>
    public IDbContextFactory<SalesDb> Impatient() => new ImpatientFactory(
        new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 1 }.ToString());

    /// <summary>Takes the write lock from another connection, as a long import would, until disposed.</summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new WriteLock(connection, transaction);
    }

    private sealed class ImpatientFactory(string connectionString) : IDbContextFactory<SalesDb>
    {
        public SalesDb CreateDbContext() => SalesDb.Create(DatabaseProvider.Sqlite, new DbContextOptionsBuilder<SalesDb>().UseSalesSqlite(connectionString).Options);
    }

    private sealed class WriteLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public SalesDb CreateDbContext() =>
        SalesDb.Create(DatabaseProvider.Sqlite, new DbContextOptionsBuilder<SalesDb>().UseSalesSqlite(ConnectionString).AddInterceptors(commandCounter).Options);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int count;

        public int Count => count;

        public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
        {
            Interlocked.Increment(ref count);
            return result;
        }
    }
}
