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

/// <summary>A problem with a catalog file: where it is (line, column) and what is wrong.</summary>
public sealed record CatalogFileError(int Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, column '{Column}': {Message}";
}

public sealed record CatalogReadResult(string FileName, IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<CatalogFileError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>A message naming the file and every bad row, for logs and the startup error.</summary>
    public string DescribeErrors() =>
        $"Catalog file '{FileName}' was not loaded: {Errors.Count} problem(s) found, nothing was written."
        + string.Concat(Errors.Select(e => Environment.NewLine + "  " + e));
}

/// <summary>Thrown at startup when the seed catalog file is invalid; the message lists every bad row.</summary>
public sealed class CatalogFileException(CatalogReadResult result) : Exception(result.DescribeErrors())
{
    public CatalogReadResult Result { get; } = result;
}
