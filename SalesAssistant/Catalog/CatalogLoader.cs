using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Catalog;

/// <summary>Writes a checked catalog into an empty database, all in one transaction.</summary>
public sealed class CatalogLoader(IDbContextFactory<SalesDb> dbFactory, ILogger<CatalogLoader> logger, TimeProvider? clock = null)
{
    public async Task LoadIntoEmptyCatalogAsync(CatalogReadResult file, CancellationToken ct = default)
    {
        if (!file.IsValid)
        {
            throw new CatalogFileException(file);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Products.AnyAsync(ct))
        {
            throw new InvalidOperationException("The catalog is not empty; loading a file into it would mix two catalogs.");
        }

        var categories = file.Entries.Select(e => e.Category).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(name => name, name => new Category { Name = name }, StringComparer.OrdinalIgnoreCase);
        var families = file.Entries.Where(e => e.Family is not null).Select(e => e.Family!).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(name => name, name => new Family { Name = name }, StringComparer.OrdinalIgnoreCase);

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var products = new Dictionary<string, Product>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in file.Entries)
        {
            var product = new Product
            {
                Sku = entry.Sku,
                Ean = entry.Ean,
                Name = entry.Name,
                Brand = entry.Brand,
                Category = categories[entry.Category],
                PriceMinor = entry.Price.Minor,
                Stock = entry.Stock,
                Family = entry.Family is null ? null : families[entry.Family],
                Tier = entry.Tier,
                Specs = entry.Specs.Select((s, i) => new ProductSpec { Position = i, Key = s.Key, Value = s.Value }).ToList(),
                TalkingPoints = entry.TalkingPoints
                    .Select((t, i) => new TalkingPoint { Position = i, Text = t, UpdatedAt = now, ReviewBy = now + TalkingPoint.ReviewInterval })
                    .ToList(),
            };
            product.RefreshSearchText();
            products.Add(entry.Sku, product);
        }
        foreach (var entry in file.Entries)
        {
            products[entry.Sku].Accessories = entry.Accessories
                .Select((sku, i) => new AccessoryLink { Accessory = products[sku], Priority = i })
                .ToList();
        }

        db.Products.AddRange(products.Values);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Loaded {ProductCount} products in {CategoryCount} categories from {File}", products.Count, categories.Count, file.FileName);
    }
}
