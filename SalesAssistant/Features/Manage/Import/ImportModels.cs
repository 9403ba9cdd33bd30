using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.Import;

public enum ImportMode
{
    /// <summary>Add new SKUs and update existing ones; products not in the file stay as they are.</summary>
    AddAndUpdate,

    /// <summary>The file is the whole catalog: products not in it are deactivated (never deleted).</summary>
    ReplaceCatalog,
}

public enum ImportAction
{
    Add,
    Update,
    Unchanged,
    Deactivate,
}

/// <param name="ChangedColumns">The catalog file's columns whose values change, and <see cref="Reactivated"/> for a deactivated product the file brings back.</param>
public sealed record ImportRow(int? Line, string Sku, string Name, ImportAction Action, IReadOnlyList<string> ChangedColumns)
{
    /// <summary>Not a column of the file: the product was deactivated and the file makes it active again.</summary>
    public const string Reactivated = "active";
}

/// <summary>What an import will do (dry run) or did: every row's action, or every bad row. Nothing is written when there are errors.</summary>
public sealed record ImportPlan(string FileName, ImportMode Mode, IReadOnlyList<CatalogFileError> Errors, IReadOnlyList<ImportRow> Rows)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The state of the catalog the plan was made on (see <see cref="Import.CatalogStamp"/>); applying refuses a plan made on another.</summary>
    public string? CatalogStamp { get; init; }

    /// <summary>True once the rows were written.</summary>
    public bool Applied { get; init; }

    /// <summary>Nothing was written: the catalog changed since the plan the manager saw, and this is the plan on the catalog as it is now.</summary>
    public bool ChangedSincePlan { get; init; }

    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}
