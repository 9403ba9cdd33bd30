using System.Text;
using CsvHelper;
using SalesAssistant.Catalog.File;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Insights.Sales;

/// <summary>
/// Reads and checks a till export. Every row is checked and every problem reported with its line and column;
/// the result holds either every order or no order at all.
/// </summary>
public static class SalesFileReader
{
    private static readonly SalesFileRowValidator RowValidator = new();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="knownSkus">The catalog's SKUs (any case); a row naming another SKU is an error.</param>
    public static SalesReadResult Read(byte[] bytes, string fileName, IReadOnlySet<string> knownSkus)
    {
        SalesReadResult Failed(params CatalogFileError[] errors) => new(fileName, [], 0, errors);

        string text;
        try
        {
            var preamble = Encoding.UTF8.Preamble.Length;
            var skip = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? preamble : 0;
            text = StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(ex.Index, 0);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            return Failed(new CatalogFileError(line, null, "is not valid UTF-8; save the file as UTF-8"));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(new CatalogFileError(1, null, $"the file is empty: expected the header {string.Join(",", SalesColumns.All)}"));
        }

        var errors = new List<CatalogFileError>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => errors.Add(new CatalogFileError((int)record.LineNumber, null,
                record.Reason == CsvMalformedReason.FieldCountMismatch ? $"expected {SalesColumns.All.Count} fields: {string.Join(",", SalesColumns.All)}" : "a quote is misplaced")),
        };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(SalesColumns.All))
        {
            return Failed(new CatalogFileError(1, null, $"the header must be exactly {string.Join(",", SalesColumns.All)}"));
        }

        var rows = new List<SalesFileRow>();
        while (csv.Read())
        {
            rows.Add(new SalesFileRow((int)csv.LineNumber, csv.GetString(0).Trim(), csv.GetString(1).Trim(), csv.GetString(2).Trim(), csv.GetString(3).Trim()));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CatalogFileError(2, null, "the file has a header but no order lines"));
        }

        var orders = new Dictionary<string, (DateTimeOffset SoldAt, int Line, Dictionary<string, int> Lines)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var fieldProblems = FieldProblems(row);
            if (fieldProblems.Count > 0)
            {
                errors.AddRange(fieldProblems);
                continue;
            }
            var rowErrors = RowValidator.Validate(row).Errors;
            errors.AddRange(rowErrors.Select(e => new CatalogFileError(row.Line, e.PropertyName, e.ErrorMessage)));
            if (rowErrors.Count > 0)
            {
                continue;
            }
            if (!knownSkus.Contains(row.Sku))
            {
                errors.Add(new CatalogFileError(row.Line, SalesColumns.Sku, $"unknown SKU {ShortText.Quote(row.Sku)}: it is not in the catalog"));
                continue;
            }
            SalesFileRow.TryParseSoldAt(row.SoldAt, out var soldAt);
            SalesFileRow.TryParseQuantity(row.Quantity, out var quantity);
            if (!orders.TryGetValue(row.OrderId, out var order))
            {
                order = (soldAt, row.Line, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
                orders.Add(row.OrderId, order);
            }
            else if (order.SoldAt != soldAt)
            {
                errors.Add(new CatalogFileError(row.Line, SalesColumns.SoldAt, $"order {row.OrderId} was sold at {order.SoldAt:O} on line {order.Line}; one order has one sold_at"));
                continue;
            }
            order.Lines[row.Sku] = Math.Min(order.Lines.GetValueOrDefault(row.Sku) + quantity, SalesLimits.MaxQuantity);
        }

        return errors.Count > 0
            ? new SalesReadResult(fileName, [], rows.Count, errors.OrderBy(e => e.Line).ToList())
            : new SalesReadResult(fileName, orders.Select(o => new SalesFileOrder(o.Key, o.Value.SoldAt, o.Value.Lines, o.Value.Line)).ToList(), rows.Count, []);
    }

    /// <summary>Fields longer than any valid one or holding a control character, as the catalog file reader names them.</summary>
    private static List<CatalogFileError> FieldProblems(SalesFileRow row)
    {
        var problems = new List<CatalogFileError>();
        foreach (var (column, value) in new[] { (SalesColumns.OrderId, row.OrderId), (SalesColumns.SoldAt, row.SoldAt), (SalesColumns.Sku, row.Sku), (SalesColumns.Quantity, row.Quantity) })
        {
            if (CatalogFields.FieldProblem(value) is { } problem)
            {
                problems.Add(new CatalogFileError(row.Line, column, problem));
            }
        }
        return problems;
    }
}
