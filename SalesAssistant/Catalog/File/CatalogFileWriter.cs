using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog.File;

/// <summary>
/// Writes the active catalog in the catalog file format, ordered by SKU, so that exporting, importing into an
/// empty database and exporting again gives the same bytes. Links to inactive products are left out (they
/// would name SKUs that are not in the file).
/// </summary>
public sealed class CatalogFileWriter(IDbContextFactory<SalesDb> dbFactory)
{
    private const int BatchSize = 1000;

    public async Task WriteAsync(Stream output, CancellationToken ct = default)
    {
        // Each batch is formatted in memory and then written asynchronously: the web server refuses synchronous writes.
        using var buffer = new MemoryStream();
        await using var csv = CsvWriter.Create(buffer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(CatalogColumns.All.ToArray());
        await FlushAsync(csv, buffer, output, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string? lastSku = null;
        while (true)
        {
            // Keyset paging keeps memory flat for large catalogs.
            var batch = await db.Products.AsNoTracking().AsSplitQuery()
                .Where(p => p.IsActive && (lastSku == null || string.Compare(p.Sku, lastSku) > 0))
                .OrderBy(p => p.Sku)
                .Take(BatchSize)
                .Select(p => new
                {
                    p.Sku,
                    p.Ean,
                    p.Name,
                    p.Brand,
                    Category = p.Category!.Name,
                    p.PriceMinor,
                    p.Stock,
                    Family = p.Family == null ? null : p.Family.Name,
                    p.Tier,
                    Accessories = p.Accessories.Where(a => a.Accessory!.IsActive).OrderBy(a => a.Priority).Select(a => a.Accessory!.Sku).ToList(),
                    TalkingPoints = p.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => t.Text).ToList(),
                    Specs = p.Specs.OrderBy(s => s.Position).Select(s => s.Key + ": " + s.Value).ToList(),
                })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var p in batch)
            {
                csv.WriteRecord(
                [
                    SpreadsheetText.Protect(p.Sku),
                    p.Ean ?? "",
                    SpreadsheetText.Protect(p.Name),
                    SpreadsheetText.Protect(p.Brand ?? ""),
                    SpreadsheetText.Protect(p.Category),
                    new Money(p.PriceMinor).ToInvariant(),
                    p.Stock.ToString(CultureInfo.InvariantCulture),
                    SpreadsheetText.Protect(p.Family ?? ""),
                    p.Tier?.ToString(CultureInfo.InvariantCulture) ?? "",
                    SpreadsheetText.Protect(string.Join(CatalogColumns.ListSeparator, p.Accessories)),
                    SpreadsheetText.Protect(string.Join(CatalogColumns.ListSeparator, p.TalkingPoints)),
                    SpreadsheetText.Protect(string.Join(CatalogColumns.SpecSeparator + " ", p.Specs)),
                ]);
            }
            lastSku = batch[^1].Sku;
            await FlushAsync(csv, buffer, output, ct);
        }
        await FlushAsync(csv, buffer, output, ct);
    }

    private static async Task FlushAsync(CsvWriter csv, MemoryStream buffer, Stream output, CancellationToken ct)
    {
        csv.Flush();
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        buffer.SetLength(0);
    }
}
