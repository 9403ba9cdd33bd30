using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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

    /// <summary>
    /// <see cref="SearchSql"/> on PostgreSQL: {0} the tsquery (<see cref="ProductQueries.PostgresTextQuery"/>), the other
    /// placeholders the same. The GIN index finds the matches; ts_rank ranks them (higher is better, hence negated to
    /// sort like bm25); names tie-break in byte order, as SQLite's BINARY.
    /// </summary>
    public const string PostgresSearchSql = """
        SELECT p."Sku", p."Ean", p."Name", p."Brand", c."Name", p."PriceMinor", p."Stock"
        FROM (SELECT "Id", 0 AS "Exact", 0::real AS "Score" FROM "Products" WHERE "IsActive" AND ("Sku" = {1} OR "Ean" = {1})
              UNION ALL
              SELECT * FROM (SELECT a."Id", 1, -ts_rank(a."SearchVector", q.query) FROM "Products" AS a, to_tsquery('sales_search', {0}) AS q(query)
                             WHERE a."SearchVector" @@ q.query AND a."IsActive"
                             LIMIT {2}) AS f) AS m
        JOIN "Products" AS p ON p."Id" = m."Id"
        JOIN "Categories" AS c ON c."Id" = p."CategoryId"
        ORDER BY m."Exact", m."Score", p."Name" COLLATE "C"
        LIMIT {3}
        """;

    private static readonly string SqliteCommandText =
        string.Format(System.Globalization.CultureInfo.InvariantCulture, SearchSql, "$query", "$term", MaxRankedMatches, MaxResults + 2);

    private static readonly string PostgresCommandText =
        string.Format(System.Globalization.CultureInfo.InvariantCulture, PostgresSearchSql, "@query", "@term", MaxRankedMatches, MaxResults + 2);

    /// <summary>
    /// Active products whose name, brand, SKU or EAN match every word of <paramref name="term"/> as a prefix,
    /// accent- and case-insensitively (<see cref="ProductQueries.FullTextQuery"/>): an exact SKU or EAN first,
    /// then the best full-text matches (bm25 on SQLite, ts_rank on PostgreSQL), at most <see cref="MaxResults"/>.
    /// Plain ADO.NET: EF Core has no FTS5 API, and this runs on every keystroke.
    /// </summary>
    public async Task<IReadOnlyList<ProductHit>> SearchAsync(string? term, CancellationToken ct = default)
    {
        var (connectionString, postgres) = await ConnectionAsync(ct);
        var query = postgres ? ProductQueries.PostgresTextQuery(term) : ProductQueries.FullTextQuery(term);
        if (query is null)
        {
            return [];
        }

        // A plain pooled connection, on purpose without EF's interceptors: opening one through EF costs more than the
        // search itself (EF sets up its SQL functions on every open), and a read in WAL mode waits for no lock.
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? PostgresCommandText : SqliteCommandText;
        AddParameter(command, postgres ? "query" : "$query", query);
        AddParameter(command, postgres ? "term" : "$term", term!.Trim());
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

    private (string ConnectionString, bool Postgres)? connection;

    private async Task<(string ConnectionString, bool Postgres)> ConnectionAsync(CancellationToken ct)
    {
        if (connection is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            connection = (db.Database.GetConnectionString()!, db.Database.IsNpgsql());
        }
        return connection.Value;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

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
