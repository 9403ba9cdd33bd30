using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Import;

/// <summary>
/// Imports a catalog file: a dry run lists what each row would do (or every bad row), and applying does all of
/// it in one transaction or nothing. Products are matched by SKU; talking-point changes go into their history.
/// </summary>
public sealed class CatalogImportService(IDbContextFactory<SalesDb> dbFactory, CatalogFileReader reader, CurrentUser currentUser, TimeProvider clock,
    CategoryCounts? categoryCounts = null)
{
    public async Task<ImportPlan> PlanAsync(byte[] file, string fileName, ImportMode mode, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await PlanAsync(db, file, fileName, mode, ct)).Plan;
    }

    public async Task<ImportPlan> ApplyAsync(byte[] file, string fileName, ImportMode mode, CancellationToken ct = default)
    {
        var managerId = await currentUser.RequireAsync(AppRoles.Manager);
        var managerName = (await currentUser.GetAsync()).Identity?.Name ?? managerId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (plan, entries, existing) = await PlanAsync(db, file, fileName, mode, ct);
        if (!plan.IsValid)
        {
            return plan;
        }
        await ApplyAsync(db, entries, existing, mode, (managerId, managerName), ct);
        await transaction.CommitAsync(ct);
        categoryCounts?.Forget();
        return plan;
    }

    private async Task<(ImportPlan Plan, IReadOnlyList<CatalogEntry> Entries, Dictionary<string, Product> Existing)> PlanAsync(
        SalesDb db, byte[] file, string fileName, ImportMode mode, CancellationToken ct)
    {
        var existing = await db.Products
            .Include(p => p.Category).Include(p => p.Family).Include(p => p.Specs).Include(p => p.TalkingPoints)
            .Include(p => p.Accessories).ThenInclude(a => a.Accessory)
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Sku, StringComparer.OrdinalIgnoreCase, ct);
        var catalogSkus = mode == ImportMode.AddAndUpdate
            ? existing.Values.Where(p => p.IsActive).Select(p => p.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        var read = reader.Read(file, fileName, catalogSkus);
        if (!read.IsValid)
        {
            return (new ImportPlan(fileName, mode, read.Errors, []), [], existing);
        }

        var inFile = read.Entries.Select(e => e.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var staying = existing.Values.Where(p => p.IsActive && !inFile.Contains(p.Sku) && mode == ImportMode.AddAndUpdate).ToList();
        var errors = new List<CatalogFileError>();
        foreach (var entry in read.Entries)
        {
            if (entry.Ean is not null && staying.FirstOrDefault(p => p.Ean == entry.Ean) is { } holder)
            {
                errors.Add(new CatalogFileError(entry.Line, CatalogColumns.Ean, $"'{entry.Ean}' belongs to {holder.Sku} in the catalog, which this file does not change"));
            }
            if (entry.Family is not null && staying.FirstOrDefault(p => p.Tier == entry.Tier && string.Equals(p.Family?.Name, entry.Family, StringComparison.OrdinalIgnoreCase)) is { } tierHolder)
            {
                errors.Add(new CatalogFileError(entry.Line, CatalogColumns.Tier, $"tier {entry.Tier} of family '{entry.Family}' belongs to {tierHolder.Sku} in the catalog, which this file does not change"));
            }
        }
        if (errors.Count > 0)
        {
            return (new ImportPlan(fileName, mode, errors, []), [], existing);
        }

        var rows = read.Entries.Select(entry => existing.TryGetValue(entry.Sku, out var product)
                ? Compare(entry, product)
                : new ImportRow(entry.Line, entry.Sku, entry.Name, ImportAction.Add, []))
            .ToList();
        if (mode == ImportMode.ReplaceCatalog)
        {
            rows.AddRange(existing.Values.Where(p => p.IsActive && !inFile.Contains(p.Sku)).OrderBy(p => p.Sku, StringComparer.Ordinal)
                .Select(p => new ImportRow(null, p.Sku, p.Name, ImportAction.Deactivate, [])));
        }
        return (new ImportPlan(fileName, mode, [], rows), read.Entries, existing);
    }

    private static ImportRow Compare(CatalogEntry entry, Product product)
    {
        var changed = new List<string>();
        void Check(bool same, string column)
        {
            if (!same)
            {
                changed.Add(column);
            }
        }
        Check(product.IsActive, "active");
        Check(product.Ean == entry.Ean, CatalogColumns.Ean);
        Check(product.Name == entry.Name, CatalogColumns.Name);
        Check(product.Brand == entry.Brand, CatalogColumns.Brand);
        Check(product.Category!.Name == entry.Category, CatalogColumns.Category);
        Check(product.PriceMinor == entry.Price.Minor, CatalogColumns.Price);
        Check(product.Stock == entry.Stock, CatalogColumns.Stock);
        Check(product.Family?.Name == entry.Family && product.Tier == entry.Tier, CatalogColumns.Family);
        Check(product.Accessories.OrderBy(a => a.Priority).Select(a => a.Accessory!.Sku).SequenceEqual(entry.Accessories, StringComparer.OrdinalIgnoreCase), CatalogColumns.Accessories);
        Check(product.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => t.Text).SequenceEqual(entry.TalkingPoints), CatalogColumns.TalkingPoints);
        Check(product.Specs.OrderBy(s => s.Position).Select(s => KeyValuePair.Create(s.Key, s.Value)).SequenceEqual(entry.Specs), CatalogColumns.Specs);
        return new ImportRow(entry.Line, entry.Sku, entry.Name, changed.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, changed);
    }

    private async Task ApplyAsync(SalesDb db, IReadOnlyList<CatalogEntry> entries, Dictionary<string, Product> existing, ImportMode mode, (string Id, string Name) manager, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = new CatalogNames(db);
        var inFile = entries.Select(e => e.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Unique EANs and tiers may swap between products in one file: clear them first, set them after.
        foreach (var product in existing.Values)
        {
            if (inFile.Contains(product.Sku))
            {
                product.Ean = null;
                product.Tier = null;
            }
            else if (mode == ImportMode.ReplaceCatalog)
            {
                product.IsActive = false;
            }
        }
        await db.SaveChangesAsync(ct);

        var products = new Dictionary<string, Product>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!products.TryGetValue(entry.Sku, out var product))
            {
                product = new Product { Sku = entry.Sku, Name = entry.Name };
                db.Products.Add(product);
                products[entry.Sku] = product;
            }
            product.IsActive = true;
            product.Version++;
            CatalogEntryMapping.Apply(entry, product, await names.CategoryAsync(entry.Category, ct),
                entry.Family is null ? null : await names.FamilyAsync(entry.Family, ct));
        }
        await db.SaveChangesAsync(ct);

        foreach (var entry in entries)
        {
            var product = products[entry.Sku];
            ReplaceTalkingPoints(db, product, entry, manager, now);
            ReplaceAccessories(db, product, entry.Accessories.Select(sku => products[sku].Id).ToList());
        }
        await db.SaveChangesAsync(ct);
    }

    private static void ReplaceAccessories(SalesDb db, Product product, IReadOnlyList<int> accessoryIds)
    {
        foreach (var link in product.Accessories.Where(a => !accessoryIds.Contains(a.AccessoryId)).ToList())
        {
            db.AccessoryLinks.Remove(link);
            product.Accessories.Remove(link);
        }
        for (var priority = 0; priority < accessoryIds.Count; priority++)
        {
            var link = product.Accessories.FirstOrDefault(a => a.AccessoryId == accessoryIds[priority]);
            if (link is null)
            {
                product.Accessories.Add(new AccessoryLink { ProductId = product.Id, AccessoryId = accessoryIds[priority], Priority = priority });
            }
            else
            {
                link.Priority = priority;
            }
        }
    }

    /// <summary>Keeps points whose text is unchanged (and their history), retires the ones the file drops, adds the new ones.</summary>
    private static void ReplaceTalkingPoints(SalesDb db, Product product, CatalogEntry entry, (string Id, string Name) manager, DateTimeOffset now)
    {
        var active = product.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).ToList();
        if (active.Select(t => t.Text).SequenceEqual(entry.TalkingPoints))
        {
            return;
        }
        var importer = (manager.Id, manager.Name + " (import)");
        var kept = new List<TalkingPoint>();
        foreach (var text in entry.TalkingPoints)
        {
            var point = active.FirstOrDefault(t => t.Text == text && !kept.Contains(t));
            if (point is null)
            {
                point = TalkingPoint.New(product.Id, text, 0, now, version: 1);
                product.TalkingPoints.Add(point);
                db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Added, null, text, importer, now));
            }
            kept.Add(point);
        }
        foreach (var dropped in active.Where(t => !kept.Contains(t)))
        {
            dropped.IsRetired = true;
            dropped.Version++;
            db.TalkingPointChanges.Add(TalkingPointChange.Of(dropped, TalkingPointChangeKind.Retired, dropped.Text, null, importer, now));
        }
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Position != i)
            {
                kept[i].Position = i;
                kept[i].Version++;
            }
        }
    }
}
