namespace SalesAssistant.Catalog;

/// <summary>Configuration section <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Catalog file loaded on first start when the database has no products; relative paths are under the content root.</summary>
    public string? SeedFile { get; set; }
}
