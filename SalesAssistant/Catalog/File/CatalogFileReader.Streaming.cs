using CsvHelper;

namespace SalesAssistant.Catalog.File;

/// <summary>The outcome of checking a catalog file as it streams: every problem, or what loading it needs.</summary>
/// <param name="Result">The problems; its <see cref="CatalogReadResult.Entries"/> is always empty (the rows are not kept).</param>
/// <param name="ProductCount">The number of product rows.</param>
/// <param name="ProductIds">For a valid file, the id of each SKU (ignoring case) when loaded in file order into an empty database: 1, 2, 3...</param>
public sealed record CatalogFileCheck(CatalogReadResult Result, int ProductCount, IReadOnlyDictionary<string, int> ProductIds)
{
    public bool IsValid => Result.IsValid;
}

public sealed partial class CatalogFileReader
{
    /// <summary>
    /// Checks a catalog file while streaming it, with the same rules, lines and messages as <see cref="Read"/>, but
    /// holding only the keys that rules across rows need (SKUs, EANs, family tiers, accessories naming later rows),
    /// never the rows.
    /// </summary>
    public CatalogFileCheck CheckFile(string path, CancellationToken ct = default)
    {
        var fileName = Path.GetFileName(path);
        using var file = OpenSequential(path);
        using var utf8 = new Utf8CheckingStream(file);
        var errors = new List<CatalogFileError>();
        var checker = new CatalogRowChecker();
        var headerIsValid = false;
        using (var csv = CsvReader.Create(utf8, Options(errors), leaveOpen: true))
        {
            var header = ReadHeader(csv.Headers, errors);
            headerIsValid = errors.Count == 0;
            while (headerIsValid && csv.Read())
            {
                if (checker.RowCount % 1024 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                checker.Check(ToRow((int)csv.LineNumber, csv, header), errors);
            }
        }
        // An encoding error anywhere, or a file of white space, is reported alone, as Read does.
        utf8.Drain();
        if (utf8.EncodingError is { } encodingError)
        {
            return Rejected(Failed(fileName, encodingError));
        }
        if (!utf8.HasContent)
        {
            return Rejected(Failed(fileName, EmptyFile()));
        }
        if (!headerIsValid)
        {
            return Rejected(Failed(fileName, errors));
        }

        if (checker.RowCount == 0 && errors.Count == 0)
        {
            errors.Add(NoRows());
        }
        checker.Finish(errors);
        return errors.Count > 0
            ? Rejected(Failed(fileName, errors))
            : new CatalogFileCheck(new CatalogReadResult(fileName, [], []), checker.RowCount, checker.ProductIds);

        static CatalogFileCheck Rejected(CatalogReadResult result) =>
            new(result, 0, new Dictionary<string, int>());
    }

    /// <summary>
    /// The entries of a file that <see cref="CheckFile"/> found valid, one at a time in file order.
    /// Throws when the file no longer reads as it did (changed in between).
    /// </summary>
    public IEnumerable<CatalogEntry> ReadCheckedEntries(string path)
    {
        using var file = OpenSequential(path);
        using var utf8 = new Utf8CheckingStream(file);
        var errors = new List<CatalogFileError>();
        using var csv = CsvReader.Create(utf8, Options(errors), leaveOpen: true);
        var header = ReadHeader(csv.Headers, errors);
        while (errors.Count == 0 && csv.Read())
        {
            yield return ToRow((int)csv.LineNumber, csv, header).ToEntry();
        }
        if (errors.Count > 0 || utf8.EncodingError is not null)
        {
            throw new InvalidOperationException($"The catalog file '{path}' changed after it was checked.");
        }
    }

    private static CatalogFileError EmptyFile() =>
        new(1, null, T["the file is empty: expected a header row naming the columns ({0})", string.Join(",", CatalogColumns.All)]);

    /// <summary>Unbuffered (the readers buffer), read front to back.</summary>
    private static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
