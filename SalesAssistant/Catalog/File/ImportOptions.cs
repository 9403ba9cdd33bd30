namespace SalesAssistant.Catalog.File;

/// <summary>Configuration section <c>Import</c>: uploaded files (catalog and till sales).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest catalog file a manager may upload.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
