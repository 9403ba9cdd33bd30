using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesAssistant.Data;

/// <summary>
/// A read-then-write of one row and what hangs off it (a consultation and its basket), for many tablets at once.
/// SQLite: <c>BEGIN IMMEDIATE</c> takes the one write lock before the read. PostgreSQL: READ COMMITTED with the row
/// locked <c>FOR UPDATE</c> before the read, so the same consultation's steps run one after the other while different
/// consultations never wait for, nor fail because of, each other (SERIALIZABLE, the app's default there, turned
/// fifty clerks' small-table scans into serialization failures).
/// </summary>
public static class RowLock
{
    public static async Task<IDbContextTransaction> BeginLockingConsultationAsync(this DatabaseFacade database, Guid id, CancellationToken ct)
    {
        if (!database.IsNpgsql())
        {
            return await database.BeginTransactionAsync(ct);
        }
        var transaction = await database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await database.ExecuteSqlAsync($"""SELECT 1 FROM "Consultations" WHERE "Id" = {id} FOR UPDATE""", ct);
        return transaction;
    }
}
