using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// A real database of the test's own, migrated like the app's and deleted afterwards: a temporary SQLite file, or a
/// database in the run's PostgreSQL cluster (<see cref="TestPostgres"/>).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SalesDb>, IAsyncDisposable
{
    private readonly string? directory;
    private readonly string? postgresDatabase;
    private readonly CommandCounter commandCounter = new();

    private TestDatabase(DatabaseProvider provider, string? postgresDatabase)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            this.postgresDatabase = postgresDatabase ?? TestPostgres.CreateDatabase();
            ConnectionString = TestPostgres.ConnectionString(this.postgresDatabase);
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("sales-assistant-test-").FullName;
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "test.db"), Pooling = false }.ToString();
        }
        Settings = new DatabaseSettings(provider, ConnectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The provider and connection string, as the app would be configured to use this database.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>How many commands the contexts of <see cref="CreateDbContext"/> sent to the database.</summary>
    public int CommandCount => commandCounter.Count;

    /// <summary>Migrated, holding <see cref="TestUsers"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(provider, await PostgresTemplate.CopyAsync());
        }
        var database = new TestDatabase(provider, null);
        await using var db = database.CreateDbContext();
        await MigrateWithUsersAsync(db);
        return database;
    }

    /// <summary>A database that exists but holds nothing yet: nothing migrated, no users.</summary>
    public static TestDatabase Empty(DatabaseProvider provider) => new(provider, null);

    /// <summary>A database holding the catalog of <paramref name="csv"/>, which must be valid.</summary>
    public static async Task<TestDatabase> WithCatalogAsync(DatabaseProvider provider, string csv)
    {
        var database = await CreateAsync(provider);
        var file = new CatalogFileReader().Read(System.Text.Encoding.UTF8.GetBytes(csv), "test.csv");
        Assert.True(file.IsValid, file.DescribeErrors());
        await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadIntoEmptyCatalogAsync(file);
        return database;
    }

    private static async Task MigrateWithUsersAsync(SalesDb db)
    {
        await SqliteSetup.UseWriteAheadLogAsync(db);
        await db.Database.MigrateAsync();
        db.Users.AddRange(TestUsers.All);
        await db.SaveChangesAsync();
    }

    public SalesDb CreateDbContext() => SalesDb.Create(Provider, Settings.Configure(new DbContextOptionsBuilder<SalesDb>(), commandCounter).Options);

    /// <summary>
    /// Contexts on the same database that wait at most a second for another writer's lock (the app waits
    /// <see cref="SqliteSetup.BusyTimeout"/> on SQLite), for tests of what a busy database does.
    /// </summary>
    public IDbContextFactory<SalesDb> Impatient() => new DatabaseSettings(Provider, Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(ConnectionString) { Options = "-c lock_timeout=1000" }.ToString()
        : new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 1 }.ToString()).CreateFactory();

    /// <summary>
    /// Takes the write lock from another connection, as a long import would, until disposed: SQLite's one write lock, or
    /// on PostgreSQL every table of the app locked against writes (readers go on).
    /// </summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            return new WriteLock(connection, connection.BeginTransaction(deferred: false));
        }

        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await postgres.OpenAsync();
        var transaction = await postgres.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            DO $$ BEGIN
                EXECUTE (SELECT 'LOCK TABLE ' || string_agg(format('%I', tablename), ', ') || ' IN EXCLUSIVE MODE' FROM pg_tables WHERE schemaname = 'public');
            END $$
            """, postgres, transaction);
        await command.ExecuteNonQueryAsync();
        return new WriteLock(postgres, transaction);
    }

    private sealed class WriteLock(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(postgresDatabase);
            return;
        }
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(directory!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Migrating PostgreSQL takes seconds: a test run migrates one template database once and each test gets a copy of
    /// it (CREATE DATABASE … TEMPLATE, a file copy). PostgreSQL refuses to copy a database while anyone is connected to
    /// it, so the copies are made one at a time and the template is only ever opened unpooled, while it is made. The
    /// template stays until the cluster is deleted, as scripts/test.sh does at the end of the run.
    /// </summary>
    private static class PostgresTemplate
    {
        private static readonly Lazy<Task<string>> Template = new(CreateAsync);
        private static readonly SemaphoreSlim OneCopyAtATime = new(1, 1);

        public static async Task<string> CopyAsync()
        {
            var template = await Template.Value;
            await OneCopyAtATime.WaitAsync();
            try
            {
                return await TestPostgres.CreateDatabaseAsync(template);
            }
            finally
            {
                OneCopyAtATime.Release();
            }
        }

        private static async Task<string> CreateAsync()
        {
            var name = await TestPostgres.CreateDatabaseAsync();
            var settings = new DatabaseSettings(DatabaseProvider.Postgres, TestPostgres.ConnectionString(name, pooling: false));
            await using var db = settings.CreateFactory().CreateDbContext();
            await MigrateWithUsersAsync(db);
            return name;
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => count;

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref count);
            return result;
        }
    }
}
