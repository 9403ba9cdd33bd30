namespace SalesAssistant.Catalog;

/// <summary>Configuration section <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// Catalog file loaded on first start when the database has no products; relative paths are under the content root.
    /// Not set: the demo catalog in the store's language (<see cref="DemoCatalogFor"/>). Empty: no seed catalog.
    /// </summary>
    public string? SeedFile { get; set; }

    /// <summary>The demo catalog the app ships in <paramref name="language"/>: the same products, written in that language.</summary>
    public static string DemoCatalogFor(string language) =>
        language == Localization.Languages.English ? "Catalog/Seed/demo-catalog.csv" : $"Catalog/Seed/demo-catalog.{language}.csv";
}
