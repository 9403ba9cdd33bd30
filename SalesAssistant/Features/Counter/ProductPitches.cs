using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Counter;

/// <summary>An accessory that can be offered with a product, with its active talking points in the manager's order.</summary>
public sealed record AccessoryPitch(int Id, string Sku, string Name, string? Brand, Money Price, int Stock, IReadOnlyList<PitchPoint> TalkingPoints);

/// <summary>What the up-sell and accessory steps show for one product: the product, its higher tiers in stock and its accessories in stock.</summary>
public sealed record ProductPitchSet(ProductPitch Product, IReadOnlyList<ProductPitch> HigherTiers, IReadOnlyList<AccessoryPitch> Accessories);

/// <summary>
/// The selling data of products, read with a fixed number of SQL commands whatever the number of tiers,
/// accessories, specs and talking points (no query per item).
/// </summary>
public static class ProductPitches
{
    /// <summary>Everything the up-sell and accessory steps show for one product; null when there is no such product.</summary>
    public static async Task<ProductPitchSet?> ForProductAsync(SalesDb db, int productId, CancellationToken ct = default)
    {
        // One open for both commands: EF sets up its SQL functions on every open of a connection it manages.
        await db.Database.OpenConnectionAsync(ct);
        var higherTiers = HigherTiers(db, productId).Select(p => p.Id);
        var pitches = await Of(db.Products.Where(p => p.Id == productId || higherTiers.Contains(p.Id))).ToListAsync(ct);
        var product = pitches.Find(p => p.Id == productId);
        if (product is null)
        {
            return null;
        }
        var tiers = pitches.Where(p => p.Id != productId).OrderBy(o => o.Price).ThenBy(o => o.Tier).ToList();
        return new ProductPitchSet(product, tiers, await AccessoriesAsync(db, productId, ct));
    }

    /// <summary>
    /// The pitches of <paramref name="products"/> in one command. A single query repeats each product once per
    /// spec × talking point (at most a few dozen rows): cheaper than a command per collection.
    /// </summary>
    public static IQueryable<ProductPitch> Of(IQueryable<Product> products) =>
        products.AsNoTracking().AsSingleQuery().Select(p => new ProductPitch(
            p.Id,
            p.Sku,
            p.Name,
            p.Brand,
            p.Category!.Name,
            new Money(p.PriceMinor),
            p.Stock,
            p.Family == null ? null : p.Family.Name,
            p.Tier,
            p.Specs.OrderBy(s => s.Position).Select(s => new SpecLine(s.Key, s.Value)).ToList(),
            // No Take(MaxTalkingPoints) here: in SQL it becomes a window function over every talking point of the
            // catalog, and the editors already keep at most five active points per product.
            p.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => new PitchPoint(t.Id, t.Text)).ToList()));

    /// <summary>The higher tiers of the product's family that are active and in stock, cheapest first.</summary>
    public static async Task<IReadOnlyList<ProductPitch>> HigherTiersAsync(SalesDb db, int productId, CancellationToken ct = default) =>
        (await Of(HigherTiers(db, productId)).ToListAsync(ct)).OrderBy(o => o.Price).ThenBy(o => o.Tier).ToList();

    /// <summary>The active higher tiers in stock of the product's family, in one query (the product's family and tier as a subquery).</summary>
    public static IQueryable<Product> HigherTiers(SalesDb db, int productId)
    {
        var baseline = db.Products.Where(b => b.Id == productId);
        return db.Products.Where(p => p.IsActive && p.Stock > 0 && p.FamilyId != null
            && p.FamilyId == baseline.Select(b => b.FamilyId).FirstOrDefault()
            && p.Tier > baseline.Select(b => b.Tier).FirstOrDefault());
    }

    /// <summary>The accessories of the product that are active and in stock, in the manager's priority order.</summary>
    public static IQueryable<Product> OfferableAccessories(SalesDb db, int productId) =>
        db.AccessoryLinks.Where(a => a.ProductId == productId)
            .OrderBy(a => a.Priority)
            .Select(a => a.Accessory!)
            .Where(p => p.IsActive && p.Stock > 0);

    public static async Task<IReadOnlyList<AccessoryPitch>> AccessoriesAsync(SalesDb db, int productId, CancellationToken ct = default) =>
        await OfferableAccessories(db, productId)
            .AsNoTracking()
            .AsSingleQuery()
            .Select(p => new AccessoryPitch(p.Id, p.Sku, p.Name, p.Brand, new Money(p.PriceMinor), p.Stock,
                p.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => new PitchPoint(t.Id, t.Text)).ToList()))
            .ToListAsync(ct);
}
