namespace SalesAssistant.Catalog;

/// <summary>The limits of the catalog file contract (README, "Catalog file"), shared by the file reader, the database and the forms.</summary>
public static class CatalogLimits
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int BrandMaxLength = 100;
    public const int CategoryMaxLength = 100;
    public const int FamilyMaxLength = 100;
    public const int TalkingPointMaxLength = 200;
    public const int MaxTalkingPoints = 5;
    public const int SpecKeyMaxLength = 100;
    public const int SpecValueMaxLength = 500;
    public const int MaxSpecs = 50;
    public const int MaxAccessories = 50;
    public const int MaxStock = 1_000_000_000;

    /// <summary>
    /// The longest field a catalog or till file may hold, well above any valid one (50 specs of 600 characters): a longer
    /// one is a bad row, so a broken file cannot fill memory or messages.
    /// </summary>
    public const int MaxFieldLength = 32_000;

    /// <summary>Ten million in the store currency: anything above is a typo, and it keeps sums far from overflow.</summary>
    public const long MaxPriceMinor = 10_000_000_00;
}
