using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesAssistant.Data;

/// <summary>
/// How the app uses SQLite with many tablets writing at once: write-ahead logging (readers never wait for a
/// writer), SQLite's own busy timeout (a writer waits for the lock inside SQLite, woken as soon as it is free,
/// rather than Microsoft.Data.Sqlite's retry every 150 ms), private caches (no <c>Cache=Shared</c>, whose table
/// locks add SQLITE_LOCKED waits between connections of the one process). Transactions begun
/// through EF are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default): a read-then-write takes the write
/// lock before it reads, so it cannot fail halfway when another writer got there first.
/// </summary>
public static class SqliteSetup
{
    /// <summary>
    /// How long a statement waits for another connection's write lock before failing: 10 s, or the connection
    /// string's <c>Default Timeout</c> when that is shorter (Microsoft.Data.Sqlite retries a busy statement until then).
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    public static TBuilder UseSalesSqlite<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString).AddInterceptors(BusyTimeoutOnOpen.Instance);
        return options;
    }

    /// <summary>Switches the database file to write-ahead logging; the mode is stored in the file, so once is enough. Nothing on other providers.</summary>
    public static async Task UseWriteAheadLogAsync(SalesDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        if (connection.DataSource is "" or ":memory:")
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
    }

    /// <summary>Sets the busy timeout once per physical connection (pooled connections are opened again and again).</summary>
    private sealed class BusyTimeoutOnOpen : DbConnectionInterceptor
    {
        public static readonly BusyTimeoutOnOpen Instance = new();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

        private static string Pragma(DbConnection connection)
        {
            var commandTimeout = TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connection.ConnectionString).DefaultTimeout);
            var wait = commandTimeout > TimeSpan.Zero && commandTimeout < BusyTimeout ? commandTimeout : BusyTimeout;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)wait.TotalMilliseconds};");
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsNew(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragma(connection);
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsNew(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragma(connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private static bool IsNew(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
    }
}
