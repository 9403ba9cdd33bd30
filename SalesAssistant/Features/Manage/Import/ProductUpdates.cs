using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Import;

/// <summary>
/// The product UPDATEs of an import, as EF would write them (the modified columns, the version as concurrency check),
/// but taken from EF before the write lock and sent as prepared, reused commands inside it (SQLite and PostgreSQL alike): EF's own pipeline
/// takes about 55 µs per UPDATE, 2.3 s for 40,000 price changes, all of it while every tablet waits for the lock.
/// </summary>
internal sealed class ProductUpdates
{
    private readonly List<(string Sql, object?[] Values)> updates = [];
    private readonly List<(string Sql, int Id)> clears = [];

    public int Count => updates.Count;

    /// <summary>
    /// Takes every modified product whose category and family already exist out of EF's hands (EF then sees it as
    /// unchanged); a product pointing at a category or family EF has yet to insert is left to EF's save. Before the
    /// transaction: nothing is written here.
    /// </summary>
    public static ProductUpdates TakeFrom(SalesDb db, IEnumerable<int> eansToClear, IEnumerable<int> tiersToClear)
    {
        var taken = new ProductUpdates();
        taken.clears.AddRange(eansToClear.Select(id => ("""UPDATE "Products" SET "Ean" = NULL WHERE "Id" = @p0""", id)));
        taken.clears.AddRange(tiersToClear.Select(id => ("""UPDATE "Products" SET "Tier" = NULL WHERE "Id" = @p0""", id)));
        foreach (var entry in db.ChangeTracker.Entries<Product>().Where(e => e.State == EntityState.Modified).ToList())
        {
            if (IsNew(db, entry.Entity.Category) || IsNew(db, entry.Entity.Family))
            {
                continue;
            }
            var modified = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(Product.Version)).ToList();
            var set = modified.Select((p, i) => $"\"{p.Metadata.GetColumnName()}\" = @p{i}").Append($"\"Version\" = @p{modified.Count}");
            var version = entry.Property(p => p.Version);
            taken.updates.Add(($"""UPDATE "Products" SET {string.Join(", ", set)} WHERE "Id" = @p{modified.Count + 1} AND "Version" = @p{modified.Count + 2}""",
                [.. modified.Select(p => p.CurrentValue), version.CurrentValue, entry.Entity.Id, version.OriginalValue]));
            // EF now remembers the values it will find in the row once these commands ran.
            entry.OriginalValues.SetValues(entry.CurrentValues);
            entry.State = EntityState.Unchanged;
        }
        return taken;
    }

    /// <summary>Inside the transaction: the unique values that move cleared first, then the updates.</summary>
    public async Task WriteAsync(SalesDb db, CancellationToken ct)
    {
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        var prepared = new HashSet<DbCommand>();
        try
        {
            foreach (var (sql, id) in clears)
            {
                await ExecuteAsync(Command(sql, 1), [id]);
            }
            foreach (var (sql, values) in updates)
            {
                if (await ExecuteAsync(Command(sql, values.Length), values) != 1)
                {
                    throw new DbUpdateConcurrencyException($"A product changed since the import was planned (product {values[^2]}).");
                }
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        DbCommand Command(string sql, int parameters)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                command.CommandText = sql;
                for (var i = 0; i < parameters; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{i}";
                    command.Parameters.Add(parameter);
                }
                commands.Add(sql, command);
            }
            return command;
        }

        async Task<int> ExecuteAsync(DbCommand command, object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            // Prepared once its first values are set: PostgreSQL's parameter types come from them.
            if (prepared.Add(command))
            {
                await command.PrepareAsync(ct);
            }
            return await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static bool IsNew(SalesDb db, object? related) => related is not null && db.Entry(related).State == EntityState.Added;
}
