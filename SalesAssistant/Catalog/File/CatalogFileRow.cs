namespace SalesAssistant.Catalog.File;

/// <summary>One data row of a catalog file as text, fields trimmed; a column absent from the file is null.</summary>
public sealed record CatalogFileRow(
    int Line,
    string? Sku,
    string? Ean,
    string? Name,
    string? Brand,
    string? Category,
    string? Price,
    string? Stock,
    string? Family,
    string? Tier,
    string? Accessories,
    string? TalkingPoints,
    string? Specs)
{
    public CatalogEntry ToEntry()
    {
        CatalogFields.TryParsePrice(Price, out var price);
        CatalogFields.TryParseStock(Stock, out var stock);
        int? tier = CatalogFields.TryParseTier(Tier, out var t) ? t : null;
        return new CatalogEntry(
            Line,
            Sku!,
            NullIfEmpty(Ean),
            Name!,
            NullIfEmpty(Brand),
            Category!,
            price,
            stock,
            NullIfEmpty(Family),
            string.IsNullOrEmpty(Family) ? null : tier,
            CatalogFields.SplitList(Accessories),
            CatalogFields.SplitList(TalkingPoints),
            CatalogFields.ParseSpecs(Specs, out _) ?? []);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
