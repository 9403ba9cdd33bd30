using System.Globalization;
using System.Text;
using CsvHelper;
using SalesAssistant.Catalog.File;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Localization;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Features.Insights.Sales;

/// <summary>
/// Reads and checks a till export. Every row is checked and every problem reported with its line and column;
/// the result holds either every order or no order at all. The problems are in <see cref="InsightsText"/>'s current
/// language: the manager reads them; the file's column names and values are quoted as the file writes them.
/// </summary>
public static class SalesFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="knownSkus">The catalog's SKUs (any case); a row naming another SKU is an error.</param>
    /// <param name="words">The words of the problems.</param>
    public static SalesReadResult Read(byte[] bytes, string fileName, IReadOnlySet<string> knownSkus, IStringLocalizer<InsightsText> words)
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
            return Failed(new CatalogFileError(line, null, words["is not valid UTF-8; save the file as UTF-8"]));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(new CatalogFileError(1, null, words["the file is empty: expected the header {0}", Header]));
        }

        var errors = new List<CatalogFileError>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => errors.Add(new CatalogFileError((int)record.LineNumber, null,
                record.Reason == CsvMalformedReason.FieldCountMismatch ? words.Plural("expected {0} fields: {1}", SalesColumns.All.Count, Header) : words["a quote is misplaced"])),
        };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(SalesColumns.All))
        {
            return Failed(new CatalogFileError(1, null, words["the header must be exactly {0}", Header]));
        }

        var rows = new List<SalesFileRow>();
        while (csv.Read())
        {
            rows.Add(new SalesFileRow((int)csv.LineNumber, csv.GetString(0).Trim(), csv.GetString(1).Trim(), csv.GetString(2).Trim(), csv.GetString(3).Trim()));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CatalogFileError(2, null, words["the file has a header but no order lines"]));
        }

        var rowValidator = new SalesFileRowValidator(words);
        var orders = new Dictionary<string, (DateTimeOffset SoldAt, int Line, Dictionary<string, int> Lines)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var fieldProblems = FieldProblems(row, words);
            if (fieldProblems.Count > 0)
            {
                errors.AddRange(fieldProblems);
                continue;
            }
            var rowErrors = rowValidator.Validate(row).Errors;
            errors.AddRange(rowErrors.Select(e => new CatalogFileError(row.Line, e.PropertyName, e.ErrorMessage)));
            if (rowErrors.Count > 0)
            {
                continue;
            }
            if (!knownSkus.Contains(row.Sku))
            {
                errors.Add(new CatalogFileError(row.Line, SalesColumns.Sku, words["unknown SKU {0}: it is not in the catalog", ShortText.Quote(row.Sku)]));
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
                errors.Add(new CatalogFileError(row.Line, SalesColumns.SoldAt, words["order {0} was sold at {1} on line {2}; one order has one sold_at", row.OrderId, order.SoldAt.ToString("O", CultureInfo.InvariantCulture), order.Line]));
                continue;
            }
            order.Lines[row.Sku] = Math.Min(order.Lines.GetValueOrDefault(row.Sku) + quantity, SalesLimits.MaxQuantity);
        }

        return errors.Count > 0
            ? new SalesReadResult(fileName, [], rows.Count, errors.OrderBy(e => e.Line).ToList())
            : new SalesReadResult(fileName, orders.Select(o => new SalesFileOrder(o.Key, o.Value.SoldAt, o.Value.Lines, o.Value.Line)).ToList(), rows.Count, []);
    }

    private static string Header => string.Join(",", SalesColumns.All);

    /// <summary>
    /// Fields longer than any valid one (<see cref="CatalogLimits.MaxFieldLength"/>) or holding a control character, the
    /// checks the catalog file reader makes first (<see cref="CatalogFields.FieldProblem"/>), in the manager's language.
    /// </summary>
    private static List<CatalogFileError> FieldProblems(SalesFileRow row, IStringLocalizer<InsightsText> words)
    {
        var problems = new List<CatalogFileError>();
        foreach (var (column, value) in new[] { (SalesColumns.OrderId, row.OrderId), (SalesColumns.SoldAt, row.SoldAt), (SalesColumns.Sku, row.Sku), (SalesColumns.Quantity, row.Quantity) })
        {
            if (value.Length > CatalogLimits.MaxFieldLength)
            {
                problems.Add(new CatalogFileError(row.Line, column, words.Plural("is longer than {0} characters", CatalogLimits.MaxFieldLength)));
            }
            else if (ShortText.FirstControlCharacter(value) is { } control)
            {
                problems.Add(new CatalogFileError(row.Line, column,
                    words["contains a control character (U+{0}); remove it", ((int)control).ToString("X4", CultureInfo.InvariantCulture)]));
            }
        }
        return problems;
    }
}
