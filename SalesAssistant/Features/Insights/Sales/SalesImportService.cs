using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Insights.Sales;

/// <summary>What importing a till file would do (or did): every problem, or the orders it adds.</summary>
public sealed record SalesImportPlan(string FileName, IReadOnlyList<CatalogFileError> Errors, int Orders, int Lines, int AlreadyImported)
{
    public bool IsValid => Errors.Count == 0;
    public int NewOrders => Orders - AlreadyImported;
}

/// <summary>
/// Imports the store's past sales (order lines from the till) as baskets for "frequently bought together".
/// All or nothing: a file with any bad row changes nothing. An order id already imported is skipped, so importing
/// the same export twice does not count its orders twice. Manager only.
/// </summary>
public sealed class SalesImportService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<InsightsText> text)
{
    public async Task<SalesImportPlan> PlanAsync(byte[] file, string fileName, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (result, _, existing) = await CheckAsync(db, file, fileName, ct);
        return ToPlan(result, existing.Count);
    }

    public async Task<SalesImportPlan> ApplyAsync(byte[] file, string fileName, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (result, productIds, existing) = await CheckAsync(db, file, fileName, ct);
        if (!result.IsValid)
        {
            return ToPlan(result, existing.Count);
        }

        var now = clock.GetUtcNow();
        foreach (var order in result.Orders.Where(o => !existing.Contains(o.OrderId)))
        {
            db.SaleOrders.Add(new SaleOrder
            {
                OrderNumber = order.OrderId,
                SoldAt = order.SoldAt,
                ImportedAt = now,
                Lines = order.QuantityBySku.Select(l => new SaleLine { ProductId = productIds[l.Key], Quantity = l.Value }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToPlan(result, existing.Count);
    }

    private static SalesImportPlan ToPlan(SalesReadResult result, int alreadyImported) =>
        new(result.FileName, result.Errors, result.Orders.Count, result.LineCount, alreadyImported);

    private async Task<(SalesReadResult Result, Dictionary<string, int> ProductIds, HashSet<string> Existing)> CheckAsync(
        SalesDb db, byte[] file, string fileName, CancellationToken ct)
    {
        var productIds = await db.Products.AsNoTracking()
            .Select(p => new { p.Sku, p.Id })
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.OrdinalIgnoreCase, ct);
        var result = SalesFileReader.Read(file, fileName, productIds.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), text);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in result.Orders.Select(o => o.OrderId).Chunk(500))
        {
            existing.UnionWith(await db.SaleOrders.AsNoTracking().Where(o => chunk.Contains(o.OrderNumber)).Select(o => o.OrderNumber).ToListAsync(ct));
        }
        return (result, productIds, existing);
    }
}
