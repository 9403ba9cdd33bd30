namespace SalesAssistant.Catalog.File;

/// <summary>
/// Text cells of the CSV files people open in a spreadsheet (catalog export, insights): a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR would be taken for a formula, so it goes out behind an apostrophe,
/// which spreadsheets show as text. A cell that already starts with apostrophes before such a character gets one more,
/// so that reading a cell back (<see cref="Unprotect"/>) removes exactly the one that writing added.
/// </summary>
public static class SpreadsheetText
{
    private const string FormulaStarts = "=+-@\t\r";

    public static string Protect(string value) => LooksLikeFormulaBehindApostrophes(value) ? "'" + value : value;

    /// <summary>The cell as it was before <see cref="Protect"/>: one leading apostrophe fewer when one was added.</summary>
    public static string Unprotect(string value) =>
        value.StartsWith('\'') && LooksLikeFormulaBehindApostrophes(value) ? value[1..] : value;

    private static bool LooksLikeFormulaBehindApostrophes(string value)
    {
        var start = value.AsSpan().TrimStart('\'');
        return start.Length > 0 && FormulaStarts.Contains(start[0]);
    }
}
