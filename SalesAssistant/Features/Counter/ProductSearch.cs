using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Counter;

/// <summary>Finding the customer's product: search as you type, exact SKU/EAN (scanner) look-up, browse by category.</summary>
public sealed class ProductSearch(IDbContextFactory<SalesDb> dbFactory)
{
    public const int MaxResults = 20;
    public const int MaxCategoryResults = 200;

    /// <summary>Products whose name, brand, SKU or EAN contain every word of <paramref name="term"/>, accent- and case-insensitively.</summary>
    public async Task<IReadOnlyList<ProductHit>> SearchAsync(string? term, CancellationToken ct = default)
    {
        var words = ProductQueries.SearchWords(term);
        if (words.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Products.AsNoTracking().Where(p => p.IsActive).MatchingAll(words);
        var exact = term!.Trim();
        return await query
            .OrderByDescending(p => p.Sku == exact || p.Ean == exact)
            .ThenBy(p => p.Name)
            .Take(MaxResults)
            .Select(ToHit)
            .ToListAsync(ct);
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
        return await db.Products.AsNoTracking()
            .Where(p => p.IsActive && (p.Sku == code || p.Ean == code))
            .Select(ToHit)
            .FirstOrDefaultAsync(ct);
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

    private static readonly System.Linq.Expressions.Expression<Func<Product, ProductHit>> ToHit =
        p => new ProductHit(p.Sku, p.Ean, p.Name, p.Brand, p.Category!.Name, new Money(p.PriceMinor), p.Stock);
}
