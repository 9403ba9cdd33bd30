using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog;

public sealed record CategorySummary(int Id, string Name, int ProductCount);

/// <summary>
/// The categories that have active products, with their counts. Every new customer starts on this list, and
/// counting a chain's catalog takes a while, so the list is shared by all tablets until this app changes the
/// catalog (<see cref="Forget"/>), or for a minute at most: changes made elsewhere (another server of a chain, a
/// command-line load) show within a minute. Without a cache every call counts.
/// </summary>
public sealed class CategoryCounts(IDbContextFactory<SalesDb> dbFactory, IMemoryCache? cache = null)
{
    private static readonly object CacheKey = new();
    private static readonly TimeSpan CacheTime = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<CategorySummary>> GetAsync(CancellationToken ct = default) =>
        cache is null
            ? await CountAsync(ct)
            : (await cache.GetOrCreateAsync(CacheKey, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheTime;
                return await CountAsync(ct);
            }))!;

    /// <summary>After a change to which products are active or to their categories: the next list counts again.</summary>
    public void Forget() => cache?.Remove(CacheKey);

    private async Task<IReadOnlyList<CategorySummary>> CountAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Products.Where(p => p.IsActive).GroupBy(p => p.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return categories
            .Where(c => counts.ContainsKey(c.Id))
            .Select(c => new CategorySummary(c.Id, c.Name, counts[c.Id]))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }
}
