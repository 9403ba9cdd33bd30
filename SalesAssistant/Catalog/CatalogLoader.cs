using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog;

/// <summary>Writes a checked catalog into an empty database, all in one transaction.</summary>
public sealed class CatalogLoader(IDbContextFactory<SalesDb> dbFactory, ILogger<CatalogLoader> logger, TimeProvider? clock = null)
{
    /// <summary>SQLite page cache during a bulk load: 32 MiB (negative values are KiB).</summary>
    private const int LoadCacheSize = -32 * 1024;

    /// <summary>Keeps <c>ProductsFts</c> in sync with new products (migration ProductFullTextSearch).</summary>
    private const string FullTextInsertTrigger = "Products_AfterInsert_Fts";

    private readonly CatalogFileReader reader = new();

    /// <summary>
    /// Loads a catalog file into an empty database without holding the file: a first pass checks every row (a bad
    /// file writes nothing and the result lists every problem), a second pass inserts the rows in one transaction
    /// with prepared commands. Memory grows only with the keys that rules across rows need (SKUs, EANs, tiers).
    /// </summary>
    /// <returns>The check of the file: its problems, or none when it was loaded. Its entries are always empty.</returns>
    public async Task<CatalogReadResult> LoadFileIntoEmptyCatalogAsync(string path, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var check = reader.CheckFile(path, ct);
        if (!check.IsValid)
        {
            return check.Result;
        }
        var checkedIn = stopwatch.Elapsed;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ThrowUnlessEmptyAsync(db, ct);
        var (products, categories) = db.Database.IsNpgsql()
            ? await CopyAsync(db, path, check, ct)
            : await InsertAsync(db, transaction, path, check, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Loaded {ProductCount} products in {CategoryCount} categories from {File} in {Seconds:0.0} s (checked in {CheckSeconds:0.0} s)",
            products, categories, path, stopwatch.Elapsed.TotalSeconds, checkedIn.TotalSeconds);
        return check.Result;
    }

    /// <summary>SQLite: prepared INSERTs, a bigger page cache, and the full-text index built once at the end.</summary>
    private async Task<(int Products, int Categories)> InsertAsync(SalesDb db, IDbContextTransaction transaction, string path, CatalogFileCheck check, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
        // The unique indexes (SKU, EAN, family tier) are filled in no particular order: SQLite's default 2 MB page
        // cache makes that slow at 100k products. A bigger cache for the load only; the connection gets its own back.
        var cacheSize = await ExecuteAsync(connection, sqliteTransaction, "PRAGMA cache_size", ct);
        await ExecuteAsync(connection, sqliteTransaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {LoadCacheSize}"), ct);
        // The full-text index's insert trigger costs more than the rest of the load together (7 s of 11 s at 100k):
        // drop it for the load and index the whole table at once at the end, all inside the transaction.
        var insertTrigger = (string)(await ExecuteAsync(connection, sqliteTransaction,
            $"""SELECT "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" = '{FullTextInsertTrigger}'""", ct)
            ?? throw new InvalidOperationException($"The trigger {FullTextInsertTrigger} is missing: the database is not migrated."));
        await ExecuteAsync(connection, sqliteTransaction, $"""DROP TRIGGER "{FullTextInsertTrigger}";""", ct);
        try
        {
            using var writer = new CatalogBulkWriter(connection, sqliteTransaction, (clock ?? TimeProvider.System).GetUtcNow());
            var id = 0;
            foreach (var entry in reader.ReadCheckedEntries(path))
            {
                if (++id % 1024 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                writer.Add(id, entry, check.ProductIds);
            }
            writer.Finish();
            ThrowIfChanged(path, check, id);
            await ExecuteAsync(connection, sqliteTransaction, """INSERT INTO "ProductsFts"("ProductsFts") VALUES ('rebuild');""", ct);
            await ExecuteAsync(connection, sqliteTransaction, insertTrigger, ct);
            return (writer.ProductCount, writer.CategoryCount);
        }
        finally
        {
            // PRAGMA cache_size is the connection's, not the transaction's: the pooled connection gets its own back.
            await ExecuteAsync(connection, sqliteTransaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {Convert.ToInt64(cacheSize, CultureInfo.InvariantCulture)}"), CancellationToken.None);
        }
    }

    /// <summary>
    /// PostgreSQL: binary COPY (<see cref="CatalogCopyWriter"/>). The full-text GIN index is dropped for the load and
    /// built once at the end, inside the transaction, as SQLite's index is rebuilt: maintaining it row by row costs more.
    /// </summary>
    private async Task<(int Products, int Categories)> CopyAsync(SalesDb db, string path, CatalogFileCheck check, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""SET LOCAL maintenance_work_mem = '256MB'""", ct);
        var searchIndex = await db.Database.SqlQueryRaw<string>(
            """SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'Products' AND indexname = 'IX_Products_SearchVector'""").SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The index IX_Products_SearchVector is missing: the database is not migrated.");
        await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_Products_SearchVector";""", ct);

        var writer = new CatalogCopyWriter((NpgsqlConnection)db.Database.GetDbConnection(), (clock ?? TimeProvider.System).GetUtcNow());
        var id = 0;
        foreach (var entry in reader.ReadCheckedEntries(path))
        {
            await writer.AddAsync(++id, entry, check.ProductIds, ct);
        }
        await writer.FinishAsync(ct);
        ThrowIfChanged(path, check, id);
        await db.Database.ExecuteSqlRawAsync(searchIndex, ct);
        return (writer.ProductCount, writer.CategoryCount);
    }

    private static void ThrowIfChanged(string path, CatalogFileCheck check, int rowsWritten)
    {
        if (rowsWritten != check.ProductCount)
        {
            throw new InvalidOperationException($"The catalog file '{path}' changed after it was checked.");
        }
    }

    public async Task LoadIntoEmptyCatalogAsync(CatalogReadResult file, CancellationToken ct = default)
    {
        if (!file.IsValid)
        {
            throw new CatalogFileException(file);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ThrowUnlessEmptyAsync(db, ct);

        var categories = file.Entries.Select(e => e.Category).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(name => name, name => new Category { Name = name }, StringComparer.OrdinalIgnoreCase);
        var families = file.Entries.Where(e => e.Family is not null).Select(e => e.Family!).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(name => name, name => new Family { Name = name }, StringComparer.OrdinalIgnoreCase);

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var products = file.Entries.ToDictionary(
            entry => entry.Sku,
            entry => CatalogEntryMapping.NewProduct(entry, categories[entry.Category], entry.Family is null ? null : families[entry.Family], now),
            StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file.Entries)
        {
            products[entry.Sku].Accessories = entry.Accessories
                .Select((sku, i) => new AccessoryLink { Accessory = products[sku], Priority = i })
                .ToList();
        }

        db.Products.AddRange(products.Values);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Loaded {ProductCount} products in {CategoryCount} categories from {File}", products.Count, categories.Count, file.FileName);
    }

    private static async Task ThrowUnlessEmptyAsync(SalesDb db, CancellationToken ct)
    {
        // Categories and families too: the bulk writer numbers them from 1.
        if (await db.Products.AnyAsync(ct) || await db.Categories.AnyAsync(ct) || await db.Families.AnyAsync(ct))
        {
            throw new InvalidOperationException("The catalog is not empty; loading a file into it would mix two catalogs.");
        }
    }

    private static async Task<object?> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
