using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Catalog.File;

/// <summary>
/// Reads and checks a catalog file (UTF-8 CSV, header row, columns in any order). Every row is checked;
/// the result holds either all entries or every problem found, never a partial catalog. Its messages are in the
/// language current while the file is checked (<see cref="CatalogText.Current"/>): the manager's on the import page,
/// the store's at startup.
/// </summary>
public sealed partial class CatalogFileReader
{
    private static IStringLocalizer<CatalogText> T => CatalogText.Current;

    public async Task<CatalogReadResult> ReadAsync(string path, CancellationToken ct = default)
    {
        await using var stream = System.IO.File.OpenRead(path);
        return await ReadAsync(stream, Path.GetFileName(path), ct);
    }

    public async Task<CatalogReadResult> ReadAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), fileName);
    }

    /// <param name="bytes">The file's content.</param>
    /// <param name="fileName">Named in error messages.</param>
    /// <param name="otherKnownSkus">SKUs outside the file that accessories may name (the existing catalog, on import); SKUs of the file always may.</param>
    public CatalogReadResult Read(ReadOnlySpan<byte> bytes, string fileName, IReadOnlySet<string>? otherKnownSkus = null)
    {
        if (TryDecodeUtf8(bytes, out var text) is { } encodingError)
        {
            return Failed(fileName, encodingError);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(fileName, EmptyFile());
        }

        var errors = new List<CatalogFileError>();
        var rows = new List<CatalogFileRow>();
        using var csv = CsvReader.FromText(text, Options(errors));

        var header = ReadHeader(csv.Headers, errors);
        if (errors.Count > 0)
        {
            return Failed(fileName, errors);
        }
        var checker = new CatalogRowChecker(otherKnownSkus);
        while (csv.Read())
        {
            var row = ToRow((int)csv.LineNumber, csv, header);
            rows.Add(row);
            checker.Check(row, errors);
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(NoRows());
        }
        checker.Finish(errors);

        return errors.Count > 0
            ? Failed(fileName, errors)
            : new CatalogReadResult(fileName, rows.Select(r => r.ToEntry()).ToList(), []);
    }

    private static CatalogFileError? TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = 1 + bytes[..bytesRead].Count((byte)'\n');
                return NotUtf8(line, bytes[bytesRead], bytesRead);
            }
            text = new string(chars, 0, charsWritten);
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static CsvReaderOptions Options(List<CatalogFileError> errors) => new()
    {
        Separator = ',',
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        OnMalformedRecord = record => errors.Add(new CatalogFileError((int)record.LineNumber, null, Describe(record.Reason))),
    };

    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string> names, List<CatalogFileError> errors)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (!CatalogColumns.All.Contains(name))
            {
                errors.Add(new CatalogFileError(1, QuotedColumn(names[i]), T["unknown column; the columns are {0}", string.Join(", ", CatalogColumns.All)]));
            }
            else if (!header.TryAdd(name, i))
            {
                errors.Add(new CatalogFileError(1, name, T["appears twice in the header"]));
            }
        }
        foreach (var required in CatalogColumns.Required.Where(r => !header.ContainsKey(r)))
        {
            errors.Add(new CatalogFileError(1, required, T["required column is missing from the header"]));
        }
        return header;
    }

    /// <summary>An unknown column's name as a message shows it: at most <see cref="ShortText.QuotedLength"/> characters.</summary>
    internal static string QuotedColumn(string name) => name.Length <= ShortText.QuotedLength ? name : ShortText.Cut(name, ShortText.QuotedLength) + "…";

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => T["has a different number of fields than the header (a ',' inside a value needs the value in double quotes)"],
        CsvMalformedReason.UnterminatedQuote => T["a quoted field is never closed: a closing '\"' is missing"],
        _ => T["a quote is misplaced: a value containing '\"' must be wrapped in double quotes, with inner quotes doubled (\"\")"],
    };

    /// <summary>The first byte that is not UTF-8, at <paramref name="offset"/> bytes from the start (after a byte order mark).</summary>
    internal static CatalogFileError NotUtf8(int line, byte value, long offset) =>
        new(line, null, T["is not valid UTF-8 (byte 0x{0} at byte offset {1}); save the file as UTF-8", value.ToString("X2", CultureInfo.InvariantCulture), offset]);

    private static CatalogFileError NoRows() => new(2, null, T["the file has a header but no product rows"]);

    private static CatalogFileRow ToRow(int line, CsvReader record, Dictionary<string, int> header)
    {
        string? Field(string column) => header.TryGetValue(column, out var index) ? record.GetString(index).Trim() : null;
        // Text cells come back without the apostrophe the export puts before a formula-like start (SpreadsheetText).
        string? Text(string column) => Field(column) is { } value ? SpreadsheetText.Unprotect(value) : null;
        return new CatalogFileRow(
            line,
            Text(CatalogColumns.Sku),
            Text(CatalogColumns.Ean),
            Text(CatalogColumns.Name),
            Text(CatalogColumns.Brand),
            Text(CatalogColumns.Category),
            Field(CatalogColumns.Price),
            Field(CatalogColumns.Stock),
            Text(CatalogColumns.Family),
            Field(CatalogColumns.Tier),
            Text(CatalogColumns.Accessories),
            Text(CatalogColumns.TalkingPoints),
            Text(CatalogColumns.Specs));
    }

    private static CatalogReadResult Failed(string fileName, CatalogFileError error) => Failed(fileName, [error]);

    private static CatalogReadResult Failed(string fileName, IEnumerable<CatalogFileError> errors) =>
        new(fileName, [], errors.OrderBy(e => e.Line).ToList());
}
