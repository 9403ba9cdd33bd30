using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog.AccessoryLinks;

/// <summary>An accessory linked to a product, in the order clerks offer them.</summary>
public sealed record AccessoryRow(int ProductId, string Sku, string Name, Money Price, int Stock, bool IsActive);

/// <summary>One entry of a product's link history.</summary>
public sealed record CatalogChangeView(DateTimeOffset ChangedAt, string ChangedBy, CatalogChangeKind Kind, string Summary);

/// <summary>
/// The manager's accessory links: which accessories a product offers, in which order, and the history of those
/// changes. Used by the product editor and by "frequently bought together". Every call checks the Manager role.
/// Its messages are in the manager's language; the history's summaries are stored as written (in English).
/// </summary>
public sealed class AccessoryLinkService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<CatalogText>? text = null)
{
    private const int SummaryMaxLength = 500;

    private readonly IStringLocalizer<CatalogText> text = text ?? CatalogText.Current;

    /// <summary>The product's accessories in the order clerks offer them, inactive ones included.</summary>
    public async Task<IReadOnlyList<AccessoryRow>> AccessoriesAsync(int productId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AccessoryLinks.AsNoTracking()
            .Where(a => a.ProductId == productId)
            .OrderBy(a => a.Priority)
            .Select(a => new AccessoryRow(a.AccessoryId, a.Accessory!.Sku, a.Accessory.Name, new Money(a.Accessory.PriceMinor), a.Accessory.Stock, a.Accessory.IsActive))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Links <paramref name="accessorySku"/> as the lowest-priority accessory; optionally the reverse link too.
    /// The catalog history records it, with <paramref name="why"/> when the link came from a suggestion.
    /// </summary>
    public async Task<ChangeResult> AddAccessoryAsync(int productId, string accessorySku, bool alsoReverse, string? why = null, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accessory = await db.Products.FirstOrDefaultAsync(p => p.Sku == accessorySku.Trim(), ct);
        if (accessory is null)
        {
            return ChangeResult.Invalid(text["There is no product with the SKU {0}.", accessorySku]);
        }
        if (accessory.Id == productId)
        {
            return ChangeResult.Invalid(text["A product cannot be its own accessory."]);
        }
        var productSku = await db.Products.Where(p => p.Id == productId).Select(p => p.Sku).FirstOrDefaultAsync(ct);
        if (productSku is null)
        {
            return ChangeResult.NotFound;
        }
        if (await LinkAsync(db, productId, accessory.Id, ct))
        {
            RecordChange(db, manager, productId, CatalogChangeKind.AccessoryLinked, $"Linked {accessory.Sku} as an accessory{(why is null ? "" : $" ({why})")}");
        }
        if (alsoReverse && await LinkAsync(db, accessory.Id, productId, ct))
        {
            RecordChange(db, manager, accessory.Id, CatalogChangeKind.AccessoryLinked, $"Linked {productSku} as an accessory");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Saved;
    }

    public async Task<ChangeResult> RemoveAccessoryAsync(int productId, int accessoryId, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.AccessoryLinks.Where(a => a.ProductId == productId).OrderBy(a => a.Priority).ToListAsync(ct);
        var link = links.FirstOrDefault(a => a.AccessoryId == accessoryId);
        if (link is null)
        {
            return ChangeResult.Saved;
        }
        db.AccessoryLinks.Remove(link);
        links.Remove(link);
        Renumber(links);
        var accessorySku = await db.Products.Where(p => p.Id == accessoryId).Select(p => p.Sku).FirstAsync(ct);
        RecordChange(db, manager, productId, CatalogChangeKind.AccessoryUnlinked, $"Removed the accessory {accessorySku}");
        await db.SaveChangesAsync(ct);
        return ChangeResult.Saved;
    }

    /// <summary>Moves an accessory one place up (-1) or down (+1) in the order clerks offer them.</summary>
    public async Task<ChangeResult> MoveAccessoryAsync(int productId, int accessoryId, int offset, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.AccessoryLinks.Where(a => a.ProductId == productId).OrderBy(a => a.Priority).ToListAsync(ct);
        var index = links.FindIndex(a => a.AccessoryId == accessoryId);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= links.Count)
        {
            return ChangeResult.Saved;
        }
        (links[index], links[target]) = (links[target], links[index]);
        Renumber(links);
        await db.SaveChangesAsync(ct);
        return ChangeResult.Saved;
    }

    /// <summary>The catalog history of a product's accessory links, newest first.</summary>
    public async Task<IReadOnlyList<CatalogChangeView>> HistoryAsync(int productId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CatalogChanges.AsNoTracking()
            .Where(c => c.ProductId == productId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(100)
            .Select(c => new CatalogChangeView(c.ChangedAt, c.ChangedBy, c.Kind, c.Summary))
            .ToListAsync(ct);
    }

    /// <summary>False when the link already exists.</summary>
    private static async Task<bool> LinkAsync(SalesDb db, int productId, int accessoryId, CancellationToken ct)
    {
        if (await db.AccessoryLinks.AnyAsync(a => a.ProductId == productId && a.AccessoryId == accessoryId, ct))
        {
            return false;
        }
        var last = await db.AccessoryLinks.Where(a => a.ProductId == productId).MaxAsync(a => (int?)a.Priority, ct) ?? -1;
        db.AccessoryLinks.Add(new AccessoryLink { ProductId = productId, AccessoryId = accessoryId, Priority = last + 1 });
        return true;
    }

    private static void Renumber(List<AccessoryLink> links)
    {
        for (var i = 0; i < links.Count; i++)
        {
            links[i].Priority = i;
        }
    }

    private void RecordChange(SalesDb db, (string Id, string Name) manager, int productId, CatalogChangeKind kind, string summary) =>
        db.CatalogChanges.Add(new CatalogChange
        {
            ProductId = productId,
            Kind = kind,
            Summary = ShortText.Cut(summary, SummaryMaxLength),
            ChangedById = manager.Id,
            ChangedBy = manager.Name,
            ChangedAt = clock.GetUtcNow(),
        });
}
