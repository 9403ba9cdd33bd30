namespace SalesAssistant.Catalog.File;

/// <summary>Column names of the catalog file (the file contract in README.md).</summary>
public static class CatalogColumns
{
    public const string Sku = "sku";
    public const string Ean = "ean";
    public const string Name = "name";
    public const string Brand = "brand";
    public const string Category = "category";
    public const string Price = "price";
    public const string Stock = "stock";
    public const string Family = "family";
    public const string Tier = "tier";
    public const string Accessories = "accessories";
    public const string TalkingPoints = "talking_points";
    public const string Specs = "specs";

    /// <summary>All columns, in the order the writer uses.</summary>
    public static readonly IReadOnlyList<string> All =
        [Sku, Ean, Name, Brand, Category, Price, Stock, Family, Tier, Accessories, TalkingPoints, Specs];

    public static readonly IReadOnlySet<string> Required = new HashSet<string> { Sku, Name, Category, Price, Stock };

    public const char ListSeparator = '|';
    public const char SpecSeparator = ';';
}
