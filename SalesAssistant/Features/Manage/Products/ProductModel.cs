namespace SalesAssistant.Features.Manage.Products;

/// <summary>The product form: every field of the catalog file but family, tier, accessories and talking points, which have their own editors.</summary>
public sealed class ProductModel
{
    public string Sku { get; set; } = "";
    public string? Ean { get; set; }
    public string Name { get; set; } = "";
    public string? Brand { get; set; }
    public string Category { get; set; } = "";
    public decimal? Price { get; set; }
    public int? Stock { get; set; }

    /// <summary>One <c>Key: Value</c> per line.</summary>
    public string? Specs { get; set; }

    /// <summary>The specs as the catalog file writes them.</summary>
    public string SpecsAsFileField => string.Join("; ", (Specs ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}

public enum ProductSort
{
    Name,
    Sku,
    Category,
    Price,
    Stock,
    StalePointsFirst,
}

public sealed record ProductRow(int Id, string Sku, string Name, string Category, Catalog.Money Price, int Stock, bool IsActive, int ActivePoints, int StalePoints);

public sealed record ProductDetails(int Id, int Version, bool IsActive, string? FamilyName, int? FamilyId, int? Tier, ProductModel Model);
