using Npgsql;

namespace SalesAssistant.Data;

/// <summary>
/// One app server at a time fills a new database. On PostgreSQL a session-level advisory lock, held on a connection of
/// its own from before the migrations until the first-start services (seed catalog, first manager, demo history) are
/// done; the other servers wait for it, then find the work done. SQLite is one shop's file on one server: its
/// initializers already run under SQLite's write lock, so there is nothing to take.
/// </summary>
public sealed class FirstStartLock(DatabaseSettings settings, ILogger<FirstStartLock> logger) : IAsyncDisposable
{
    /// <summary>The advisory lock's key: any number the app uses for nothing else ("SalesAsst" in ASCII).</summary>
    internal const long LockKey = 0x53616c6573417373;

    private NpgsqlConnection? connection;

    public async Task TakeAsync(CancellationToken ct)
    {
        if (!settings.IsPostgres || connection is not null)
        {
            return;
        }
        var opened = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
        await opened.OpenAsync(ct);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", opened))
        {
            tryLock.Parameters.AddWithValue("key", LockKey);
            if (await tryLock.ExecuteScalarAsync(ct) is not true)
            {
                logger.LogInformation("Another app server is preparing the database; waiting for it to finish");
                await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", opened) { CommandTimeout = 0 };
                wait.Parameters.AddWithValue("key", LockKey);
                await wait.ExecuteNonQueryAsync(ct);
            }
        }
        connection = opened;
    }

    /// <summary>Closing the connection ends its session and so its advisory lock.</summary>
    public async Task ReleaseAsync()
    {
        if (connection is { } held)
        {
            connection = null;
            await held.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}
