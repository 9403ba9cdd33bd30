namespace SalesAssistant.Catalog;

/// <summary>The texts of the tier labels and the catalog file's messages about bad rows. Resources: CatalogText.resx (English, the neutral language) and CatalogText.{it,pl,nl}.resx.</summary>
public sealed class CatalogText;
