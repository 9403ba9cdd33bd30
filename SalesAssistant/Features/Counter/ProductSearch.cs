using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Counter;

/// <summary>Finding the customer's product: search as you type, exact SKU/EAN (scanner) look-up, browse by category.</summary>
public sealed class ProductSearch(IDbContextFactory<SalesDb> dbFactory, CategoryCounts? categoryCounts = null)
{
    public const int MaxResults = 20;
    public const int MaxCategoryResults = 200;

    /// <summary>
    /// How many full-text matches are ranked at most: a bound on the work of the first letters typed, which match
    /// much of a chain's catalog (300 instead of 1,000 cut the mean search time by a third at 100k products).
    /// </summary>
    public const int MaxRankedMatches = 300;

    /// <summary>
    /// The search in one SQL command: {0} the FTS5 query, {1} the typed term (an active product with exactly that
    /// SKU or EAN comes first), {2} how many active full-text matches to rank at most, {3} how many rows. The ranked
    /// matches are the first {2} in the index's order, which is the catalog's (no ORDER BY inside, so FTS5 stops
    /// there): ranking every match of a one- or two-letter term would cost time in proportion to the catalog. Once
    /// a term matches fewer than {2} products, every match is ranked.
    /// </summary>
    public const string SearchSql = """
        SELECT p."Sku", p."Ean", p."Name", p."Brand", c."Name", p."PriceMinor", p."Stock"
        FROM (SELECT "Id", 0 AS "Exact", 0.0 AS "Score" FROM "Products" WHERE "IsActive" AND ("Sku" = {1} OR "Ean" = {1})
              UNION ALL
              SELECT * FROM (SELECT "ProductsFts".rowid, 1, bm25("ProductsFts") FROM "ProductsFts"
                             JOIN "Products" AS a ON a."Id" = "ProductsFts".rowid
                             WHERE "ProductsFts" MATCH {0} AND a."IsActive"
                             LIMIT {2})) AS m
        JOIN "Products" AS p ON p."Id" = m."Id"
        JOIN "Categories" AS c ON c."Id" = p."CategoryId"
        ORDER BY m."Exact", m."Score", p."Name"
        LIMIT {3}
        """;

    private static readonly string SearchCommandText =
        string.Format(System.Globalization.CultureInfo.InvariantCulture, SearchSql, "$query", "$term", MaxRankedMatches, MaxResults + 2);

    /// <summary>
    /// Active products whose name, brand, SKU or EAN match every word of <paramref name="term"/> as a prefix,
    /// accent- and case-insensitively (<see cref="ProductQueries.FullTextQuery"/>): an exact SKU or EAN first,
    /// then the best full-text matches (bm25), at most <see cref="MaxResults"/>. Plain ADO.NET: EF Core has no FTS5
    /// API, and this runs on every keystroke.
    /// </summary>
    public async Task<IReadOnlyList<ProductHit>> SearchAsync(string? term, CancellationToken ct = default)
    {
        var query = ProductQueries.FullTextQuery(term);
        if (query is null)
        {
            return [];
        }

        // A plain pooled connection, on purpose without EF's interceptors: opening one through EF costs more than the
        // search itself (EF sets up its SQL functions on every open), and a read in WAL mode waits for no lock.
        // FTS5 is SQLite's: PostgreSQL needs its own search.
        await using var connection = new SqliteConnection(await ConnectionStringAsync(ct));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SearchCommandText;
        AddParameter(command, "$query", query);
        AddParameter(command, "$term", term!.Trim());
        var hits = new List<ProductHit>(MaxResults + 2);
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // An exact SKU or EAN is also a full-text match: list each product once.
            if (listed.Add(reader.GetString(0)))
            {
                hits.Add(new ProductHit(reader.GetString(0), Nullable(reader, 1), reader.GetString(2), Nullable(reader, 3), reader.GetString(4),
                    new Money(reader.GetInt64(5)), reader.GetInt32(6)));
            }
        }
        return hits.Take(MaxResults).ToList();
    }

    private string? connectionString;

    private async Task<string> ConnectionStringAsync(CancellationToken ct)
    {
        if (connectionString is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            connectionString = db.Database.GetConnectionString()!;
        }
        return connectionString;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string? Nullable(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The product with exactly this SKU (any case) or EAN, as a barcode scanner types it.</summary>
    public async Task<ProductHit?> FindByCodeAsync(string? code, CancellationToken ct = default)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > CatalogLimits.SkuMaxLength)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ByCode(db, code).Select(ToHit).FirstOrDefaultAsync(ct);
    }

    /// <summary>The categories that have active products, with their counts (shared by all tablets: <see cref="CategoryCounts"/>).</summary>
    public Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken ct = default) =>
        (categoryCounts ?? new CategoryCounts(dbFactory)).GetAsync(ct);

    public async Task<IReadOnlyList<ProductHit>> InCategoryAsync(int categoryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.CategoryId == categoryId)
            .OrderBy(p => p.Family == null ? p.Name : p.Family.Name).ThenBy(p => p.Tier).ThenBy(p => p.Name)
            .Take(MaxCategoryResults)
            .Select(ToHit)
            .ToListAsync(ct);
    }

    private static IQueryable<Product> ByCode(SalesDb db, string code) =>
        db.Products.AsNoTracking().Where(p => p.IsActive && (p.Sku == code || p.Ean == code));

    private static readonly System.Linq.Expressions.Expression<Func<Product, ProductHit>> ToHit =
        p => new ProductHit(p.Sku, p.Ean, p.Name, p.Brand, p.Category!.Name, new Money(p.PriceMinor), p.Stock);
}
