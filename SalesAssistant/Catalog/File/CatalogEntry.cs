using SalesAssistant.Localization;

namespace SalesAssistant.Catalog.File;

/// <summary>One valid product row of a catalog file.</summary>
public sealed record CatalogEntry(
    int Line,
    string Sku,
    string? Ean,
    string Name,
    string? Brand,
    string Category,
    Money Price,
    int Stock,
    string? Family,
    int? Tier,
    IReadOnlyList<string> Accessories,
    IReadOnlyList<string> TalkingPoints,
    IReadOnlyList<KeyValuePair<string, string>> Specs);

/// <summary>
/// A problem with a catalog file: where it is (line, column) and what is wrong. <see cref="Message"/> is in the language
/// of whoever checked the file; <see cref="Column"/> is the file's own column name, which stays as the file writes it.
/// </summary>
public sealed record CatalogFileError(int Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null
            ? CatalogText.Current["line {0}: {1}", Line, Message]
            : CatalogText.Current["line {0}, column '{1}': {2}", Line, Column, Message];
}

public sealed record CatalogReadResult(string FileName, IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<CatalogFileError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>A message naming the file and every bad row, for logs and the startup error, in the current language.</summary>
    public string DescribeErrors() =>
        CatalogText.Current.Plural("Catalog file '{1}' was not loaded: {0} problems found, nothing was written.", Errors.Count, FileName).Value
        + string.Concat(Errors.Select(e => Environment.NewLine + "  " + e));
}

/// <summary>Thrown at startup when the seed catalog file is invalid; the message lists every bad row.</summary>
public sealed class CatalogFileException(CatalogReadResult result) : Exception(result.DescribeErrors())
{
    public CatalogReadResult Result { get; } = result;
}
