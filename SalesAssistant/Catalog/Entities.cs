namespace SalesAssistant.Catalog;

public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Product> Products { get; set; } = [];
}

/// <summary>Products of one family are tiers of each other: the same kind of product, ranked 1 (entry level) to n.</summary>
public sealed class Family
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Product> Members { get; set; } = [];
}

public sealed class Product
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public string? Ean { get; set; }
    public required string Name { get; set; }
    public string? Brand { get; set; }

    /// <summary>Name, brand, SKU and EAN folded to lower case without accents, so that search is accent- and case-insensitive in SQL.</summary>
    public string SearchText { get; set; } = "";

    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>Price in minor units of the store currency (cents).</summary>
    public long PriceMinor { get; set; }
    public int Stock { get; set; }

    public int? FamilyId { get; set; }
    public Family? Family { get; set; }
    public int? Tier { get; set; }

    public bool IsActive { get; set; } = true;

    public List<ProductSpec> Specs { get; set; } = [];
    public List<TalkingPoint> TalkingPoints { get; set; } = [];
    public List<AccessoryLink> Accessories { get; set; } = [];

    public void RefreshSearchText() => SearchText = TextFolding.Fold(string.Join(' ', Name, Brand, Sku, Ean));
}

public sealed class ProductSpec
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public sealed class TalkingPoint
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

/// <summary>An accessory offered with a product; lower <see cref="Priority"/> is offered first.</summary>
public sealed class AccessoryLink
{
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int AccessoryId { get; set; }
    public Product? Accessory { get; set; }
    public int Priority { get; set; }
}
