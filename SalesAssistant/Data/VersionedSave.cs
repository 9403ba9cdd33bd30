using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data;

/// <summary>
/// The one optimistic-concurrency save of the app: an editor read an entity at some version; its change is saved only
/// if nobody saved the entity since, and the version goes up by one. Everything in one <c>BEGIN IMMEDIATE</c>
/// transaction, so the check and the write cannot be split by another writer.
/// </summary>
public static class VersionedSave
{
    /// <param name="load">Reads the entity, tracked, in the given context; null when it no longer exists.</param>
    /// <param name="version">The version the editor saw.</param>
    /// <param name="change">Applies the change; anything but <see cref="ChangeResult.Saved"/> writes nothing.</param>
    /// <param name="conflictWith">The message for a change made on stale data, from the entity as it is now.</param>
    /// <param name="takenMeanwhile">
    /// The answer when the save breaks a unique constraint (another writer took a unique value between the checks and
    /// the save); null lets that error through.
    /// </param>
    public static async Task<ChangeResult> ChangeAsync<T>(
        IDbContextFactory<SalesDb> dbFactory,
        Func<SalesDb, Task<T?>> load,
        int version,
        Func<SalesDb, T, Task<ChangeResult>> change,
        Func<T, ChangeResult> conflictWith,
        CancellationToken ct,
        ChangeResult? takenMeanwhile = null) where T : class, IVersioned
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entity = await load(db);
        if (entity is null)
        {
            return ChangeResult.NotFound;
        }
        if (entity.Version != version)
        {
            return conflictWith(entity);
        }
        var result = await change(db, entity);
        if (!result.Succeeded)
        {
            return result;
        }
        // The token the editor saw is the one the UPDATE must still find; a concurrent save makes it fail.
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        entity.Version = version + 1;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ChangeResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await load(fresh) is { } current ? conflictWith(current) : ChangeResult.NotFound;
        }
        catch (DbUpdateException) when (takenMeanwhile is not null)
        {
            return takenMeanwhile;
        }
    }
}
