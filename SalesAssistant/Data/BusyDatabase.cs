using Microsoft.Data.Sqlite;

namespace SalesAssistant.Data;

/// <summary>A write that could not get the database's write lock in time, even after a retry. Nothing of it was saved.</summary>
public sealed class DatabaseBusyException(Exception inner)
    : Exception("The database stayed busy (another write held its lock); nothing was saved.", inner);

/// <summary>
/// Writes that meet a busy database: SQLite already waits for the lock (<see cref="SqliteSetup.BusyTimeout"/>); a
/// write that still finds it taken runs once more, whole (its transaction was rolled back), then gives up with
/// <see cref="DatabaseBusyException"/>, which the counter shows as a short message.
/// </summary>
public static class BusyRetry
{
    private const int Attempts = 2;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (IsBusy(ex) && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250)), ct);
            }
            catch (Exception ex) when (IsBusy(ex))
            {
                throw new DatabaseBusyException(ex);
            }
        }
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED, as thrown or wrapped by EF.</summary>
    public static bool IsBusy(Exception? ex) => ex switch
    {
        null => false,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        _ => IsBusy(ex.InnerException),
    };

    /// <summary>A unique index refused the write (SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY): another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        null => false,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        _ => IsUniqueViolation(ex.InnerException),
    };
}
