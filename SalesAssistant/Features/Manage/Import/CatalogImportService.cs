using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
    CategoryCounts? categoryCounts = null, IStringLocalizer<ManageText>? text = null)
{
    private readonly IStringLocalizer<ManageText> L = text ?? ManageText.Standalone;

    /// <summary>The dry run: what applying the file would do now, and the state of the catalog it was planned on.</summary>
    public async Task<ImportPlan> PlanAsync(byte[] file, string fileName, ImportMode mode, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = await CatalogStamp.ReadAsync(db, ct);
        return (await PlanAsync(db, file, fileName, mode, ct)).Plan with { CatalogStamp = stamp };
    }

    /// <summary>
    /// Applies the file: plans it again (reading only, while clerks go on writing), then writes every change in one
    /// short transaction, or nothing. When the catalog changed since <paramref name="plannedOn"/> (the dry run the
    /// manager saw) or while this plan was made, nothing is written and the new plan comes back, marked
    /// <see cref="ImportPlan.ChangedSincePlan"/>, for the manager to look at and apply again.
    /// </summary>
    public async Task<ImportPlan> ApplyAsync(byte[] file, string fileName, ImportMode mode, string? plannedOn = null, CancellationToken ct = default)
    {
        var managerId = await currentUser.RequireAsync(AppRoles.Manager);
        var managerName = (await currentUser.GetAsync()).Identity?.Name ?? managerId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read before the plan: a change made while planning then shows as a different stamp in the transaction.
        var stamp = await CatalogStamp.ReadAsync(db, ct);
        var (plan, entries, existing) = await PlanAsync(db, file, fileName, mode, ct);
        plan = plan with { CatalogStamp = stamp };
        if (!plan.IsValid)
        {
            return plan;
        }
        if (plannedOn is not null && plannedOn != stamp)
        {
            return plan with { ChangedSincePlan = true };
        }

        // Everything that can be worked out in memory is done before the write lock is taken: clerks' taps wait for it.
        var changes = await PrepareAsync(db, entries, plan.Rows, existing, mode, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CatalogStamp.ReadAsync(db, ct) != stamp)
        {
            await transaction.RollbackAsync(ct);
            return await PlanAsync(file, fileName, mode, ct) with { ChangedSincePlan = true };
        }
        try
        {
            await WriteAsync(db, changes, (managerId, managerName), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return await PlanAsync(file, fileName, mode, ct) with { ChangedSincePlan = true };
        }
        await transaction.CommitAsync(ct);
        if (categoryCounts is not null)
        {
            await categoryCounts.CatalogChangedAsync(ct);
        }
        return plan with { Applied = true };
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
                errors.Add(new CatalogFileError(entry.Line, CatalogColumns.Ean, L["'{0}' belongs to {1} in the catalog, which this file does not change", entry.Ean, holder.Sku]));
            }
            if (entry.Family is not null && staying.FirstOrDefault(p => p.Tier == entry.Tier && string.Equals(p.Family?.Name, entry.Family, StringComparison.OrdinalIgnoreCase)) is { } tierHolder)
            {
                errors.Add(new CatalogFileError(entry.Line, CatalogColumns.Tier, L["tier {0} of family '{1}' belongs to {2} in the catalog, which this file does not change", entry.Tier!, entry.Family, tierHolder.Sku]));
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
        Check(product.IsActive, ImportRow.Reactivated);
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

    /// <summary>What an import writes, worked out before the transaction.</summary>
    private sealed record PreparedChanges(
        IReadOnlyList<CatalogEntry> NewLinksOrPoints,
        Dictionary<string, Product> Products,
        ProductUpdates ProductUpdates,
        bool HasNewRows);

    /// <summary>
    /// Applies the rows to add or update to the tracked products, in memory: their columns and specs, the products
    /// not in a replacing file deactivated. Rows the plan found unchanged are not touched.
    /// </summary>
    private async Task<PreparedChanges> PrepareAsync(SalesDb db, IReadOnlyList<CatalogEntry> fileEntries, IReadOnlyList<ImportRow> rows,
        Dictionary<string, Product> existing, ImportMode mode, CancellationToken ct)
    {
        var names = new CatalogNames(db);
        var inFile = fileEntries.Select(e => e.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byRow = rows.Where(r => r.Action is ImportAction.Add or ImportAction.Update).ToDictionary(r => r.Sku, StringComparer.OrdinalIgnoreCase);
        var changing = fileEntries.Where(e => byRow.ContainsKey(e.Sku)).ToList();

        // Unique EANs and tiers may swap between products in one file: the ones that change are cleared first, set after.
        var eansToClear = new List<int>();
        var tiersToClear = new List<int>();
        foreach (var entry in changing)
        {
            if (existing.TryGetValue(entry.Sku, out var product))
            {
                if (product.Ean is not null && product.Ean != entry.Ean)
                {
                    eansToClear.Add(product.Id);
                }
                if (product.Tier is not null && (product.Tier != entry.Tier || !string.Equals(product.Family?.Name, entry.Family, StringComparison.OrdinalIgnoreCase)))
                {
                    tiersToClear.Add(product.Id);
                }
            }
        }
        if (mode == ImportMode.ReplaceCatalog)
        {
            foreach (var product in existing.Values.Where(p => p.IsActive && !inFile.Contains(p.Sku)))
            {
                product.IsActive = false;
                product.Version++;
            }
        }

        var products = new Dictionary<string, Product>(existing, StringComparer.OrdinalIgnoreCase);
        var hasNewRows = false;
        foreach (var entry in changing)
        {
            if (!products.TryGetValue(entry.Sku, out var product))
            {
                product = new Product { Sku = entry.Sku, Name = entry.Name };
                db.Products.Add(product);
                products[entry.Sku] = product;
                hasNewRows = true;
            }
            product.IsActive = true;
            product.Version++;
            CatalogEntryMapping.Apply(entry, product, await names.CategoryAsync(entry.Category, ct),
                entry.Family is null ? null : await names.FamilyAsync(entry.Family, ct));
            hasNewRows |= product.Category!.Id == 0 || product.Family is { Id: 0 };
        }
        db.ChangeTracker.DetectChanges();
        var newLinksOrPoints = changing.Where(e => byRow[e.Sku].Action == ImportAction.Add
            || byRow[e.Sku].ChangedColumns.Any(c => c is CatalogColumns.TalkingPoints or CatalogColumns.Accessories)).ToList();
        return new PreparedChanges(newLinksOrPoints, products, ProductUpdates.TakeFrom(db, eansToClear, tiersToClear), hasNewRows);
    }

    /// <summary>
    /// Inside the transaction: the unique values that move are cleared, the changed products written with prepared
    /// commands (<see cref="ProductUpdates"/>), then what EF must insert (new products, specs, talking points, links).
    /// </summary>
    private async Task WriteAsync(SalesDb db, PreparedChanges changes, (string Id, string Name) manager, CancellationToken ct)
    {
        // The changes were detected before the transaction (PrepareAsync); scanning every tracked row again would take
        // half a second of the lock at 40,000 products.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await changes.ProductUpdates.WriteAsync(db, ct);
        if (changes.HasNewRows || db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        if (changes.NewLinksOrPoints.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var entry in changes.NewLinksOrPoints)
        {
            var product = changes.Products[entry.Sku];
            ReplaceTalkingPoints(db, product, entry, manager, now);
            ReplaceAccessories(db, product, entry.Accessories.Select(sku => changes.Products[sku].Id).ToList());
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
