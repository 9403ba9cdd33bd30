using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SalesAssistant.Catalog;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage.TalkingPoints;

namespace SalesAssistant.Features.Manage.Products;

/// <summary>
/// The manager's product editor: every write checks the Manager role and runs <see cref="ProductValidator"/>;
/// saving over a change made meanwhile is refused (optimistic concurrency on <see cref="Product.Version"/>).
/// Products are deactivated, never deleted: consultations refer to them.
/// </summary>
public sealed class ProductService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock, IMemoryCache? cache = null)
{
    public const int MaxPageSize = 100;
    private static readonly ProductValidator Validator = new();

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
        var product = await db.Products.AsNoTracking().AsSplitQuery()
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
                Accessories = p.Accessories.OrderBy(a => a.Priority)
                    .Select(a => new AccessoryRow(a.AccessoryId, a.Accessory!.Sku, a.Accessory.Name, new Money(a.Accessory.PriceMinor), a.Accessory.Stock, a.Accessory.IsActive))
                    .ToList(),
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
            },
            product.Accessories);
    }

    public async Task<IReadOnlyList<string>> CategoryNamesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
    }

    public async Task<(ManageResult Result, int? Id)> CreateAsync(ProductModel model, CancellationToken ct = default)
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
        ProductSearch.ForgetCategoryCounts(cache);
        return (ManageResult.Saved, product.Id);
    }

    public async Task<ManageResult> UpdateAsync(int id, int version, ProductModel model, CancellationToken ct = default)
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
            return ManageResult.Saved;
        }, ct);
    }

    /// <summary>Deactivated products leave the counter (search, offers) but stay for the consultations that refer to them.</summary>
    public async Task<ManageResult> SetActiveAsync(int id, int version, bool active, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        return await ChangeAsync(id, version, async (db, product) =>
        {
            if (active && product.Ean is not null && await db.Products.AnyAsync(p => p.IsActive && p.Id != id && p.Ean == product.Ean, ct))
            {
                return ManageResult.Invalid($"Another active product has the EAN {product.Ean}: change one of them first.");
            }
            if (active && product.FamilyId is not null && await db.Products.AnyAsync(p => p.IsActive && p.Id != id && p.FamilyId == product.FamilyId && p.Tier == product.Tier, ct))
            {
                return ManageResult.Invalid("Another active product has this tier of the family: change the tiers first.");
            }
            product.IsActive = active;
            return ManageResult.Saved;
        }, ct);
    }

    /// <summary>
    /// Links <paramref name="accessorySku"/> as the lowest-priority accessory; optionally the reverse link too.
    /// The catalog history records it, with <paramref name="why"/> when the link came from a suggestion.
    /// </summary>
    public async Task<ManageResult> AddAccessoryAsync(int productId, string accessorySku, bool alsoReverse, string? why = null, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accessory = await db.Products.FirstOrDefaultAsync(p => p.Sku == accessorySku.Trim(), ct);
        if (accessory is null)
        {
            return ManageResult.Invalid($"There is no product with the SKU {accessorySku}.");
        }
        if (accessory.Id == productId)
        {
            return ManageResult.Invalid("A product cannot be its own accessory.");
        }
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return ManageResult.NotFound;
        }
        var productSku = await db.Products.Where(p => p.Id == productId).Select(p => p.Sku).FirstAsync(ct);
        if (await LinkAsync(db, productId, accessory.Id, ct))
        {
            RecordLinkChange(db, manager, productId, CatalogChangeKind.AccessoryLinked, $"Linked {accessory.Sku} as an accessory{(why is null ? "" : $" ({why})")}");
        }
        if (alsoReverse && await LinkAsync(db, accessory.Id, productId, ct))
        {
            RecordLinkChange(db, manager, accessory.Id, CatalogChangeKind.AccessoryLinked, $"Linked {productSku} as an accessory");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ManageResult.Saved;
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

    private void RecordLinkChange(SalesDb db, (string Id, string Name) manager, int productId, CatalogChangeKind kind, string summary) =>
        db.CatalogChanges.Add(new CatalogChange
        {
            ProductId = productId,
            Kind = kind,
            Summary = summary.Length > 500 ? summary[..500] : summary,
            ChangedById = manager.Id,
            ChangedBy = manager.Name,
            ChangedAt = clock.GetUtcNow(),
        });

    public async Task<ManageResult> RemoveAccessoryAsync(int productId, int accessoryId, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.AccessoryLinks.Where(a => a.ProductId == productId).OrderBy(a => a.Priority).ToListAsync(ct);
        var link = links.FirstOrDefault(a => a.AccessoryId == accessoryId);
        if (link is null)
        {
            return ManageResult.Saved;
        }
        db.AccessoryLinks.Remove(link);
        links.Remove(link);
        Renumber(links);
        var accessorySku = await db.Products.Where(p => p.Id == accessoryId).Select(p => p.Sku).FirstAsync(ct);
        RecordLinkChange(db, manager, productId, CatalogChangeKind.AccessoryUnlinked, $"Removed the accessory {accessorySku}");
        await db.SaveChangesAsync(ct);
        return ManageResult.Saved;
    }

    /// <summary>Moves an accessory one place up (-1) or down (+1) in the order clerks offer them.</summary>
    public async Task<ManageResult> MoveAccessoryAsync(int productId, int accessoryId, int offset, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.AccessoryLinks.Where(a => a.ProductId == productId).OrderBy(a => a.Priority).ToListAsync(ct);
        var index = links.FindIndex(a => a.AccessoryId == accessoryId);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= links.Count)
        {
            return ManageResult.Saved;
        }
        (links[index], links[target]) = (links[target], links[index]);
        Renumber(links);
        await db.SaveChangesAsync(ct);
        return ManageResult.Saved;
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

    private async Task<ManageResult> ChangeAsync(int id, int version, Func<SalesDb, Product, Task<ManageResult>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var product = await db.Products.Include(p => p.Specs).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return ManageResult.NotFound;
        }
        if (product.Version != version)
        {
            return await ConflictAsync(id, ct);
        }
        var result = await change(db, product);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Entry(product).Property(p => p.Version).OriginalValue = version;
        product.Version = version + 1;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            ProductSearch.ForgetCategoryCounts(cache);
            return ManageResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, ct);
        }
        catch (DbUpdateException)
        {
            return TakenMeanwhile;
        }
    }

    private static readonly ManageResult TakenMeanwhile =
        ManageResult.Conflict("Another product took this SKU, EAN or tier while you were editing. Nothing was saved; check the values and save again.");

    private async Task<ManageResult> ConflictAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Name, p.PriceMinor, p.Stock, p.IsActive }).FirstOrDefaultAsync(ct);
        return current is null
            ? ManageResult.NotFound
            : ManageResult.Conflict($"Someone else changed this product while you were editing. It now reads: {current.Name}, price {new Money(current.PriceMinor).ToInvariant()}, stock {current.Stock}{(current.IsActive ? "" : ", deactivated")}. Your change was not saved; the form shows the current values.");
    }

    private static ManageResult? Invalid(ProductModel model)
    {
        var result = Validator.Validate(model);
        return result.IsValid ? null : ManageResult.Invalid(string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }

    private static async Task<ManageResult?> DuplicateAsync(SalesDb db, ProductModel model, int? id, CancellationToken ct)
    {
        var sku = model.Sku.Trim();
        if (await db.Products.AnyAsync(p => p.Sku == sku && p.Id != id, ct))
        {
            return ManageResult.Invalid($"The SKU {sku} is already used by another product.");
        }
        var ean = string.IsNullOrWhiteSpace(model.Ean) ? null : model.Ean.Trim();
        if (ean is not null && await db.Products.Where(p => p.Ean == ean && p.IsActive && p.Id != id).Select(p => p.Sku).FirstOrDefaultAsync(ct) is { } holder)
        {
            return ManageResult.Invalid($"The EAN {ean} is already used by {holder}.");
        }
        return null;
    }

    private static async Task ApplyAsync(SalesDb db, Product product, ProductModel model, CancellationToken ct)
    {
        var categoryName = model.Category.Trim();
        product.Category = await db.Categories.FirstOrDefaultAsync(c => c.Name == categoryName, ct) ?? new Category { Name = categoryName };
        product.Sku = model.Sku.Trim();
        product.Ean = string.IsNullOrWhiteSpace(model.Ean) ? null : model.Ean.Trim();
        product.Name = model.Name.Trim();
        product.Brand = string.IsNullOrWhiteSpace(model.Brand) ? null : model.Brand.Trim();
        product.PriceMinor = (long)(model.Price!.Value * 100);
        product.Stock = model.Stock!.Value;
        product.RefreshSearchText();
        var specs = Catalog.File.CatalogFields.ParseSpecs(model.SpecsAsFileField, out _) ?? [];
        db.ProductSpecs.RemoveRange(product.Specs);
        product.Specs = specs.Select((s, i) => new ProductSpec { Position = i, Key = s.Key, Value = s.Value }).ToList();
    }
}
