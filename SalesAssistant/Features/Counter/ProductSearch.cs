using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Counter;

/// <summary>Finding the customer's product: search as you type, exact SKU/EAN (scanner) look-up, browse by category.</summary>
public sealed class ProductSearch(IDbContextFactory<SalesDb> dbFactory)
{
    public const int MaxResults = 20;
    public const int MaxCategoryResults = 200;

    /// <summary>How many full-text matches are ranked at most: enough for any useful term, and a bound on the work a one-letter term causes.</summary>
    public const int MaxRankedMatches = 1000;

    /// <summary>
    /// The best full-text matches: {0} the FTS5 query, {1} how many matches to rank at most, {2} how many rows.
    /// The ranked matches come from the first {1} rows of the index (no ORDER BY inside, so FTS5 stops there):
    /// ranking every match of a one-letter term would cost time in proportion to the catalog.
    /// </summary>
    public const string RankedMatchesSql = """
        SELECT p."Sku", p."Ean", p."Name", p."Brand", c."Name" AS "Category", p."PriceMinor", p."Stock"
        FROM (SELECT rowid AS "Id", bm25("ProductsFts") AS "Score" FROM "ProductsFts"
              WHERE "ProductsFts" MATCH {0} LIMIT {1}) AS m
        JOIN "Products" AS p ON p."Id" = m."Id"
        JOIN "Categories" AS c ON c."Id" = p."CategoryId"
        WHERE p."IsActive"
        ORDER BY m."Score", p."Name"
        LIMIT {2}
        """;

    /// <summary>
    /// Active products whose name, brand, SKU or EAN match every word of <paramref name="term"/> as a prefix,
    /// accent- and case-insensitively (<see cref="ProductQueries.FullTextQuery"/>): an exact SKU or EAN first,
    /// then the best full-text matches (bm25), at most <see cref="MaxResults"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProductHit>> SearchAsync(string? term, CancellationToken ct = default)
    {
        var query = ProductQueries.FullTextQuery(term);
        if (query is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exact = await ByCode(db, term!.Trim()).Select(ToHit).FirstOrDefaultAsync(ct);
        var matches = await db.Database.SqlQueryRaw<ProductHitRow>(RankedMatchesSql, query, MaxRankedMatches, MaxResults + 1).ToListAsync(ct);
        var hits = matches
            .Select(m => new ProductHit(m.Sku, m.Ean, m.Name, m.Brand, m.Category, new Money(m.PriceMinor), m.Stock))
            .Where(hit => exact is null || hit.Sku != exact.Sku);
        return (exact is null ? hits : hits.Prepend(exact)).Take(MaxResults).ToList();
    }

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

    public async Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Name, ProductCount = c.Products.Count(p => p.IsActive) })
            .Where(c => c.ProductCount > 0)
            .OrderBy(c => c.Name)
            .Select(c => new CategorySummary(c.Id, c.Name, c.ProductCount))
            .ToListAsync(ct);
    }

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

    private sealed record ProductHitRow(string Sku, string? Ean, string Name, string? Brand, string Category, long PriceMinor, int Stock);

    private static readonly System.Linq.Expressions.Expression<Func<Product, ProductHit>> ToHit =
        p => new ProductHit(p.Sku, p.Ean, p.Name, p.Brand, p.Category!.Name, new Money(p.PriceMinor), p.Stock);
}
