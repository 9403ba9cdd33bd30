namespace SalesAssistant.Catalog.File;

/// <summary>
/// The one mapping from a catalog-file row to a product, used by every writer of catalog files: the loader into an
/// empty catalog (EF and bulk) and the manager's import.
/// </summary>
public static class CatalogEntryMapping
{
    /// <summary>A new product from <paramref name="entry"/>, with its specs and talking points (accessory links need every product first).</summary>
    public static Product NewProduct(CatalogEntry entry, Category category, Family? family, DateTimeOffset now)
    {
        var product = new Product { Sku = entry.Sku, Name = entry.Name };
        Apply(entry, product, category, family);
        product.TalkingPoints = entry.TalkingPoints.Select((text, i) => TalkingPoint.New(0, text, i, now)).ToList();
        return product;
    }

    /// <summary>Sets every column of the row but the talking points and accessories on <paramref name="product"/>, and replaces its specs.</summary>
    public static void Apply(CatalogEntry entry, Product product, Category category, Family? family)
    {
        product.Ean = entry.Ean;
        product.Name = entry.Name;
        product.Brand = entry.Brand;
        product.Category = category;
        product.PriceMinor = entry.Price.Minor;
        product.Stock = entry.Stock;
        product.Family = family;
        product.Tier = entry.Tier;
        product.RefreshSearchText();
        product.ReplaceSpecs(entry.Specs);
    }
}
