using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog;

public sealed record CategorySummary(int Id, string Name, int ProductCount);

/// <summary>
/// The categories that have active products, with their counts. Every new customer starts on this list, and counting a
/// chain's catalog takes a while, so one count is shared by all tablets of this app server while the catalog's
/// <see cref="CatalogRevision"/> stays the same. The revision (one row) is read at most every
/// <see cref="RevisionCheckInterval"/>: a change made on another app server shows within that, one made here at once.
/// Changes made outside the app (a database administrator's) show within <see cref="MaxAge"/>.
/// </summary>
public sealed class CategoryCounts(IDbContextFactory<SalesDb> dbFactory, TimeProvider? time = null)
{
    public static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Counted(long Revision, DateTimeOffset CountedAt, DateTimeOffset CheckedAt, IReadOnlyList<CategorySummary> Categories);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Counted? latest;

    public async Task<IReadOnlyList<CategorySummary>> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(latest) is { } fresh)
        {
            return fresh;
        }
        // One tablet reads the revision (and counts, if it changed) while the others wait for its answer.
        await refreshing.WaitAsync(ct);
        try
        {
            if (Fresh(latest) is { } refreshed)
            {
                return refreshed;
            }
            var now = clock.GetUtcNow();
            // The revision before the count: a change committed in between is counted now and counted again next time.
            var revision = await ReadRevisionAsync(ct);
            if (latest is { } kept && kept.Revision == revision && now - kept.CountedAt < MaxAge)
            {
                latest = kept with { CheckedAt = now };
                return kept.Categories;
            }
            var counted = new Counted(revision, now, now, await CountAsync(ct));
            latest = counted;
            return counted.Categories;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>
    /// After a change to the catalog's products (committed): raises the shared revision, so every app server counts
    /// again at its next check, and forgets this one's count.
    /// </summary>
    public async Task CatalogChangedAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // One statement outside any transaction: writers never wait for each other's whole edit, and never conflict.
            await db.CatalogRevisions.Where(r => r.Id == CatalogRevision.TheRow)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Number, r => r.Number + 1), ct);
        }
        latest = null;
    }

    private IReadOnlyList<CategorySummary>? Fresh(Counted? counted) =>
        counted is not null && clock.GetUtcNow() - counted.CheckedAt < RevisionCheckInterval ? counted.Categories : null;

    private async Task<long> ReadRevisionAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CatalogRevisions.Where(r => r.Id == CatalogRevision.TheRow).Select(r => r.Number).SingleAsync(ct);
    }

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
