using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesAssistant.Data;

/// <summary>A write that could not get the database's write lock in time, even after a retry. Nothing of it was saved.</summary>
public sealed class DatabaseBusyException(Exception inner)
    : Exception("The database stayed busy (another write held its lock); nothing was saved.", inner);

/// <summary>
/// Writes that meet a busy database. SQLite already waits for the lock (<see cref="SqliteSetup.BusyTimeout"/>); a
/// write that still finds it taken runs once more, whole (its transaction was rolled back). On PostgreSQL a write
/// that lost a race with another (a serialization failure or a deadlock, see <see cref="PostgresSetup"/>) runs
/// again, whole, a few times: the next run sees what the winner wrote. Then it gives up with
/// <see cref="DatabaseBusyException"/>, which the counter shows as a short message.
/// </summary>
public static class BusyRetry
{
    private const int SqliteAttempts = 2;

    /// <summary>Races are short on PostgreSQL (no lock is waited for by the clock): more, quicker runs.</summary>
    private const int PostgresAttempts = 8;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (IsBusy(ex) && attempt < (IsLostRace(ex) ? PostgresAttempts : SqliteAttempts))
            {
                var delay = IsLostRace(ex) ? Random.Shared.Next(5, 20 * attempt) : Random.Shared.Next(50, 250);
                await Task.Delay(TimeSpan.FromMilliseconds(delay), ct);
            }
            catch (Exception ex) when (IsBusy(ex))
            {
                throw new DatabaseBusyException(ex);
            }
        }
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED, or a race lost on PostgreSQL, as thrown or wrapped by EF.</summary>
    public static bool IsBusy(Exception? ex) => ex switch
    {
        null => false,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        _ when IsLostRace(ex) => true,
        _ => IsBusy(ex.InnerException),
    };

    /// <summary>PostgreSQL's serialization failure or deadlock: the transaction was rolled back and can run again.</summary>
    private static bool IsLostRace(Exception? ex) => ex switch
    {
        null => false,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        _ => IsLostRace(ex.InnerException),
    };

    /// <summary>A unique index refused the write (SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY): another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        null => false,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => IsUniqueViolation(ex.InnerException),
    };
}
