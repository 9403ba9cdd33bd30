using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Insights.DemoHistory;

internal sealed record DemoProduct(int Id, long PriceMinor, int CategoryId, int? FamilyId, int? Tier, IReadOnlyList<int> TalkingPointIds, IReadOnlyList<int> AccessoryIds);

/// <summary>The active, in-stock catalog as the demo history picks from it, in a fixed order so a seed always picks the same.</summary>
internal sealed class DemoCatalog
{
    private readonly Dictionary<int, DemoProduct> byId;
    private readonly List<DemoProduct> baselines;

    private DemoCatalog(List<DemoProduct> products)
    {
        Products = products;
        byId = products.ToDictionary(p => p.Id);
        var accessoryIds = products.SelectMany(p => p.AccessoryIds).ToHashSet();
        // Customers mostly come for a main product, usually one of the lower tiers of a family.
        baselines = products.Where(p => !accessoryIds.Contains(p.Id) || p.FamilyId is not null)
            .SelectMany(p => Enumerable.Repeat(p, p.Tier is 1 ? 4 : p.Tier is 2 ? 3 : 1))
            .ToList();
        if (baselines.Count == 0)
        {
            baselines = products;
        }
    }

    public IReadOnlyList<DemoProduct> Products { get; }

    public static async Task<DemoCatalog> LoadAsync(SalesDb db, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().AsSplitQuery()
            .Where(p => p.IsActive && p.Stock > 0)
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.PriceMinor, p.CategoryId, p.FamilyId, p.Tier,
                Points = p.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => t.Id).ToList(),
                Accessories = p.Accessories.OrderBy(a => a.Priority).Select(a => a.AccessoryId).ToList(),
            })
            .ToListAsync(ct);
        var inStock = products.Select(p => p.Id).ToHashSet();
        return new DemoCatalog(products
            .Select(p => new DemoProduct(p.Id, p.PriceMinor, p.CategoryId, p.FamilyId, p.Tier, p.Points, p.Accessories.Where(inStock.Contains).ToList()))
            .ToList());
    }

    public DemoProduct PickBaseline(Random random) => baselines[random.Next(baselines.Count)];

    public IReadOnlyList<DemoProduct> HigherTiers(DemoProduct product) => product.FamilyId is null
        ? []
        : Products.Where(p => p.FamilyId == product.FamilyId && p.Tier > product.Tier).OrderBy(p => p.PriceMinor).ThenBy(p => p.Tier).ToList();

    public IReadOnlyList<DemoProduct> Accessories(DemoProduct product) => product.AccessoryIds.Select(id => byId[id]).ToList();

    /// <summary>
    /// A product customers of <paramref name="product"/> like to take along although it is not linked as an accessory:
    /// the pattern "frequently bought together" should discover. Fixed per product (from its id), so it repeats.
    /// </summary>
    public DemoProduct? Companion(DemoProduct product)
    {
        var candidates = Products.Where(p => p.Id != product.Id && p.FamilyId is null && !product.AccessoryIds.Contains(p.Id)).ToList();
        return candidates.Count == 0 ? null : candidates[(product.Id * 7919) % candidates.Count];
    }

    public DemoProduct? AbTestCandidate() => Products
        .Where(p => p.Tier is 2 && p.TalkingPointIds.Count >= 2)
        .OrderBy(p => p.Id)
        .FirstOrDefault();
}
