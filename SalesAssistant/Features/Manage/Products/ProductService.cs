using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Products;

/// <summary>
/// The manager's product editor: every write checks the Manager role and runs <see cref="ProductValidator"/>;
/// saving over a change made meanwhile is refused (optimistic concurrency on <see cref="Product.Version"/>).
/// Products are deactivated, never deleted: consultations refer to them. Accessory links have their own service
/// (<see cref="Catalog.AccessoryLinks.AccessoryLinkService"/>).
/// </summary>
public sealed class ProductService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock, CategoryCounts? categoryCounts = null,
    IStringLocalizer<ManageText>? text = null)
{
    public const int MaxPageSize = 100;
    private readonly IStringLocalizer<ManageText> L = text ?? ManageText.Standalone;
    private readonly ProductValidator validator = new(text ?? ManageText.Standalone);

    public async Task<PagedResult<ProductRow>> SearchAsync(string? term, int page, int pageSize, ProductSort sort, bool includeInactive = false, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Products.AsNoTracking().Where(p => includeInactive || p.IsActive).MatchingAll(db, term);
        var rows = query.Select(p => new
        {
            p.Id,
            p.Sku,
            p.Name,
            Category = p.Category!.Name,
            p.PriceMinor,
            p.Stock,
            p.IsActive,
            ActivePoints = p.TalkingPoints.Count(t => !t.IsRetired),
            StalePoints = p.TalkingPoints.Count(t => !t.IsRetired && t.ReviewBy <= now),
        });
        rows = sort switch
        {
            ProductSort.Sku => rows.OrderBy(r => r.Sku),
            ProductSort.Category => rows.OrderBy(r => r.Category).ThenBy(r => r.Name),
            ProductSort.Price => rows.OrderBy(r => r.PriceMinor).ThenBy(r => r.Name),
            ProductSort.Stock => rows.OrderBy(r => r.Stock).ThenBy(r => r.Name),
            ProductSort.StalePointsFirst => rows.OrderByDescending(r => r.StalePoints).ThenBy(r => r.Name),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Sku),
        };
        var total = await query.CountAsync(ct);
        var items = await rows.Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(r => new ProductRow(r.Id, r.Sku, r.Name, r.Category, new Money(r.PriceMinor), r.Stock, r.IsActive, r.ActivePoints, r.StalePoints))
            .ToListAsync(ct);
        return new PagedResult<ProductRow>(items, total);
    }

    public async Task<ProductDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                p.Version,
                p.IsActive,
                p.Sku,
                p.Ean,
                p.Name,
                p.Brand,
                Category = p.Category!.Name,
                p.PriceMinor,
                p.Stock,
                FamilyName = p.Family == null ? null : p.Family.Name,
                p.FamilyId,
                p.Tier,
                Specs = p.Specs.OrderBy(s => s.Position).Select(s => s.Key + ": " + s.Value).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return product is null ? null : new ProductDetails(
            product.Id, product.Version, product.IsActive, product.FamilyName, product.FamilyId, product.Tier,
            new ProductModel
            {
                Sku = product.Sku,
                Ean = product.Ean,
                Name = product.Name,
                Brand = product.Brand,
                Category = product.Category,
                Price = new Money(product.PriceMinor).Amount,
                Stock = product.Stock,
                Specs = string.Join("\n", product.Specs),
            });
    }

    public async Task<IReadOnlyList<string>> CategoryNamesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
    }

    public async Task<(ChangeResult Result, int? Id)> CreateAsync(ProductModel model, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (Invalid(model) is { } invalid)
        {
            return (invalid, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await DuplicateAsync(db, model, null, ct) is { } duplicate)
        {
            return (duplicate, null);
        }
        var product = new Product { Sku = model.Sku.Trim(), Name = model.Name.Trim(), Version = 1 };
        await ApplyAsync(db, product, model, ct);
        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another manager took the SKU or EAN between our check and this save.
            return (TakenMeanwhile, null);
        }
        await transaction.CommitAsync(ct);
        await CatalogChangedAsync(ct);
        return (ChangeResult.Saved, product.Id);
    }

    public async Task<ChangeResult> UpdateAsync(int id, int version, ProductModel model, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (Invalid(model) is { } invalid)
        {
            return invalid;
        }
        return await ChangeAsync(id, version, async (db, product) =>
        {
            if (await DuplicateAsync(db, model, id, ct) is { } duplicate)
            {
                return duplicate;
            }
            await ApplyAsync(db, product, model, ct);
            return ChangeResult.Saved;
        }, ct);
    }

    /// <summary>Deactivated products leave the counter (search, offers) but stay for the consultations that refer to them.</summary>
    public async Task<ChangeResult> SetActiveAsync(int id, int version, bool active, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        return await ChangeAsync(id, version, async (db, product) =>
        {
            if (active && product.Ean is not null && await db.Products.AnyAsync(p => p.IsActive && p.Id != id && p.Ean == product.Ean, ct))
            {
                return ChangeResult.Invalid(L["Another active product has the EAN {0}: change one of them first.", product.Ean]);
            }
            if (active && product.FamilyId is not null && await db.Products.AnyAsync(p => p.IsActive && p.Id != id && p.FamilyId == product.FamilyId && p.Tier == product.Tier, ct))
            {
                return ChangeResult.Invalid(L["Another active product has this tier of the family: change the tiers first."]);
            }
            product.IsActive = active;
            return ChangeResult.Saved;
        }, ct);
    }

    private async Task<ChangeResult> ChangeAsync(int id, int version, Func<SalesDb, Product, Task<ChangeResult>> change, CancellationToken ct)
    {
        var result = await VersionedSave.ChangeAsync(dbFactory,
            db => db.Products.Include(p => p.Specs).FirstOrDefaultAsync(p => p.Id == id, ct),
            version, change, ConflictWith, ct, takenMeanwhile: TakenMeanwhile);
        if (result.Succeeded)
        {
            await CatalogChangedAsync(ct);
        }
        return result;
    }

    private Task CatalogChangedAsync(CancellationToken ct) => categoryCounts?.CatalogChangedAsync(ct) ?? Task.CompletedTask;

    private ChangeResult TakenMeanwhile =>
        ChangeResult.Conflict(L["Another product took this SKU, EAN or tier while you were editing. Nothing was saved; check the values and save again."]);

    private ChangeResult ConflictWith(Product current)
    {
        var price = new Money(current.PriceMinor).Amount.ToString("0.00", CultureInfo.CurrentCulture);
        return ChangeResult.Conflict(current.IsActive
            ? L["Someone else changed this product while you were editing. It now reads: {0}, price {1}, stock {2}. Your change was not saved; the form shows the current values.", current.Name, price, current.Stock]
            : L["Someone else changed this product while you were editing. It now reads: {0}, price {1}, stock {2}, deactivated. Your change was not saved; the form shows the current values.", current.Name, price, current.Stock]);
    }

    private ChangeResult? Invalid(ProductModel model) => ChangeResult.UnlessValid(validator.Validate(model));

    private async Task<ChangeResult?> DuplicateAsync(SalesDb db, ProductModel model, int? id, CancellationToken ct)
    {
        var sku = model.Sku.Trim();
        if (await db.Products.AnyAsync(p => p.Sku == sku && p.Id != id, ct))
        {
            return ChangeResult.Invalid(L["The SKU {0} is already used by another product.", sku]);
        }
        var ean = string.IsNullOrWhiteSpace(model.Ean) ? null : model.Ean.Trim();
        if (ean is not null && await db.Products.Where(p => p.Ean == ean && p.IsActive && p.Id != id).Select(p => p.Sku).FirstOrDefaultAsync(ct) is { } holder)
        {
            return ChangeResult.Invalid(L["The EAN {0} is already used by {1}.", ean, holder]);
        }
        return null;
    }

    private static async Task ApplyAsync(SalesDb db, Product product, ProductModel model, CancellationToken ct)
    {
        product.Category = await new CatalogNames(db).CategoryAsync(model.Category.Trim(), ct);
        product.Sku = model.Sku.Trim();
        product.Ean = string.IsNullOrWhiteSpace(model.Ean) ? null : model.Ean.Trim();
        product.Name = model.Name.Trim();
        product.Brand = string.IsNullOrWhiteSpace(model.Brand) ? null : model.Brand.Trim();
        product.PriceMinor = (long)(model.Price!.Value * 100);
        product.Stock = model.Stock!.Value;
        product.RefreshSearchText();
        product.ReplaceSpecs(CatalogFields.ParseSpecs(model.SpecsAsFileField, out _) ?? []);
    }
}
