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
    private string name = "";

    public int Id { get; set; }

    public required string Name
    {
        get => name;
        set
        {
            name = value;
            RefreshSearchName();
        }
    }

    /// <summary><see cref="Name"/> folded to lower case without accents, so that family search is accent- and case-insensitive in SQL.</summary>
    public string SearchName { get; private set; } = "";

    public List<Product> Members { get; set; } = [];

    /// <summary>Sets <see cref="SearchName"/> from the name (materialised rows get both from their columns).</summary>
    public void RefreshSearchName() => SearchName = TextFolding.Fold(name);
}

/// <summary>An entity with an optimistic concurrency token managed by the app (SQLite has no rowversion): +1 on every change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public sealed class Product : IVersioned
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

    /// <summary>Optimistic concurrency token managed by the app (SQLite has no rowversion): +1 on every edit.</summary>
    public int Version { get; set; }

    public List<ProductSpec> Specs { get; set; } = [];
    public List<TalkingPoint> TalkingPoints { get; set; } = [];
    public List<AccessoryLink> Accessories { get; set; } = [];

    public void RefreshSearchText() => SearchText = SearchTextOf(Name, Brand, Sku, Ean);

    /// <summary>Replaces the specs in the given order (the ones removed are deleted with the next save).</summary>
    public void ReplaceSpecs(IEnumerable<KeyValuePair<string, string>> specs)
    {
        var replacement = specs.ToList();
        if (Specs.OrderBy(s => s.Position).Select(s => KeyValuePair.Create(s.Key, s.Value)).SequenceEqual(replacement))
        {
            return;
        }
        Specs.Clear();
        Specs.AddRange(replacement.Select((s, i) => new ProductSpec { Position = i, Key = s.Key, Value = s.Value }));
    }

    /// <summary>What <see cref="SearchText"/> holds for these values; the bulk loader writes it without building a <see cref="Product"/>.</summary>
    public static string SearchTextOf(string name, string? brand, string sku, string? ean) =>
        TextFolding.Fold(string.Join(' ', name, brand, sku, ean));
}

public sealed class ProductSpec
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}

/// <summary>A short sentence the clerk says: what the customer gains. At most five active ones per product.</summary>
public sealed class TalkingPoint : IVersioned
{
    public static readonly TimeSpan ReviewInterval = TimeSpan.FromDays(90);

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }

    /// <summary>Retired points are no longer shown to clerks but stay for the history.</summary>
    public bool IsRetired { get; set; }

    /// <summary>When the advice should be looked at again (90 days after the last edit by default).</summary>
    public DateTimeOffset ReviewBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token managed by the app (SQLite has no rowversion): +1 on every change.</summary>
    public int Version { get; set; }

    /// <summary>A new active point, due for review <see cref="ReviewInterval"/> after <paramref name="now"/> unless <paramref name="reviewBy"/> says otherwise.</summary>
    public static TalkingPoint New(int productId, string text, int position, DateTimeOffset now, DateTimeOffset? reviewBy = null, int version = 0) => new()
    {
        ProductId = productId,
        Text = text,
        Position = position,
        UpdatedAt = now,
        ReviewBy = reviewBy ?? now + ReviewInterval,
        Version = version,
    };
}

public enum TalkingPointChangeKind
{
    Added = 1,
    Edited = 2,
    Moved = 3,
    Retired = 4,
    Restored = 5,
    AbTestStarted = 6,
    AbTestEnded = 7,
}

/// <summary>One change to a talking point: who, when, before and after.</summary>
public sealed class TalkingPointChange
{
    public int Id { get; set; }
    public int TalkingPointId { get; set; }
    public TalkingPoint? TalkingPoint { get; set; }
    public int ProductId { get; set; }
    public TalkingPointChangeKind Kind { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? ChangedById { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// The history row of one change to <paramref name="point"/> (the one place such rows are made: editor, A/B tests, import).
    /// Linked through the navigation, so a point added in the same save gets its id.
    /// </summary>
    public static TalkingPointChange Of(TalkingPoint point, TalkingPointChangeKind kind, string? before, string? after, (string Id, string Name) by, DateTimeOffset at) => new()
    {
        TalkingPoint = point,
        TalkingPointId = point.Id,
        ProductId = point.ProductId,
        Kind = kind,
        Before = before,
        After = after,
        ChangedById = by.Id,
        ChangedBy = by.Name,
        ChangedAt = at,
    };
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

/// <summary>
/// Two talking points of one product tested against each other: while the test runs, every offer of the product
/// leads with one of them (alternately) and leaves the other out, so the dashboard can compare their acceptance.
/// </summary>
public sealed class TalkingPointAbTest
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int PointAId { get; set; }
    public TalkingPoint? PointA { get; set; }
    public int PointBId { get; set; }
    public TalkingPoint? PointB { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string StartedBy { get; set; } = "";
}

public enum CatalogChangeKind
{
    AccessoryLinked = 1,
    AccessoryUnlinked = 2,
}

/// <summary>The catalog's history of manager changes to a product's links (talking points keep their own history).</summary>
public sealed class CatalogChange
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public CatalogChangeKind Kind { get; set; }
    public required string Summary { get; set; }
    public string? ChangedById { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// The catalog's revision: one row, its number raised after every change to the catalog's products by any app server
/// (<see cref="CategoryCounts.CatalogChangedAsync"/>). What a cache of the catalog compares to notice a change made
/// on another app server.
/// </summary>
public sealed class CatalogRevision
{
    /// <summary>The id of the one row.</summary>
    public const int TheRow = 1;

    public int Id { get; set; }
    public long Number { get; set; }
}
