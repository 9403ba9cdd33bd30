using System.Globalization;
using CsvHelper;

using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Insights;

/// <summary>
/// Every dashboard figure as a CSV table for spreadsheets: rates as fractions (0.3333), money in major units with
/// a dot (60.00), empty where there is no data. Text cells that a spreadsheet would run as a formula are quoted with '.
/// </summary>
public static class InsightsCsv
{
    public static readonly IReadOnlyList<string> Figures =
        ["summary", "trend", "families", "tiers", "clerks", "chosen-products", "main-products", "accessories", "talking-points", "ab-tests"];

    private static readonly string[] TallyHeader =
    [
        "consultations", "upsell_offered", "upsell_accepted", "upsell_acceptance_rate", "upsell_negative", "upsell_negative_rate",
        "accessories_offered", "accessories_attached", "attach_rate", "accessories_negative", "accessories_negative_rate",
        "basket_total", "original_total", "uplift_total", "average_basket", "average_uplift", "uplift_rate",
    ];

    public static bool IsFigure(string figure) => Figures.Contains(figure);

    public static (string[] Header, IEnumerable<string[]> Rows) Table(InsightsReport report, string figure) => figure switch
    {
        "summary" => (["from", "to", .. TallyHeader], [[Date(report.Filter.From), Date(report.Filter.To), .. Tally(report.Summary)]]),
        "trend" => (["period_start", .. TallyHeader], report.Trend.Select(r => (string[])[r.Key, .. Tally(r.Tally)])),
        "families" => TallyRows("family", report.ByFamily),
        "tiers" => TallyRows("tier", report.ByTier),
        "clerks" => TallyRows("clerk", report.ByClerk),
        "chosen-products" => TallyRows("chosen_product", report.ByChosenProduct),
        "main-products" => TallyRows("main_product", report.ByMainProduct),
        "accessories" => (["accessory_sku", "accessory", "offered", "attached", "attach_rate"],
            report.ByAccessory.Select(a => (string[])[Text(a.Sku), Text(a.Name), Int(a.Offered), Int(a.Attached), Rate(a.AttachRate)])),
        "talking-points" => (["product_sku", "product", "talking_point", "retired", "shown", "accepted", "acceptance_rate", "other_offers", "other_accepted", "other_acceptance_rate"],
            report.TalkingPoints.Select(p => (string[])[Text(p.ProductSku), Text(p.ProductName), Text(p.Text), p.IsRetired ? "yes" : "no",
                Int(p.Shown), Int(p.Accepted), Rate(p.AcceptanceRate), Int(p.OtherOffers), Int(p.OtherAccepted), Rate(p.OtherAcceptanceRate)])),
        "ab-tests" => (["product_sku", "product", "started", "ended", "a_text", "a_offers", "a_accepted", "a_rate", "b_text", "b_offers", "b_accepted", "b_rate", "z", "p_value", "enough_data", "winner"],
            report.AbTests.Select(t => (string[])[Text(t.ProductSku), Text(t.ProductName), t.StartedAt.ToString("O", CultureInfo.InvariantCulture), t.EndedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                Text(t.A.Text), Int(t.A.Offers), Int(t.A.Accepted), Rate(t.A.AcceptanceRate), Text(t.B.Text), Int(t.B.Offers), Int(t.B.Accepted), Rate(t.B.AcceptanceRate),
                t.Test.Z.ToString("0.000", CultureInfo.InvariantCulture), t.Test.PValue.ToString("0.0000", CultureInfo.InvariantCulture),
                t.Test.EnoughData ? "yes" : "no", t.Test.Winner?.ToString() ?? ""])),
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "unknown figure"),
    };

    public static async Task WriteAsync(InsightsReport report, string figure, Stream output, CancellationToken ct)
    {
        var (header, rows) = Table(report, figure);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
    }

    private static (string[], IEnumerable<string[]>) TallyRows(string keyColumn, IReadOnlyList<TallyRow> rows) =>
        ([keyColumn, .. TallyHeader], rows.Select(r => (string[])[Text(r.Label), .. Tally(r.Tally)]));

    private static string[] Tally(Tally t) =>
    [
        Int(t.Consultations), Int(t.UpsellOffered), Int(t.UpsellAccepted), Rate(t.UpsellAcceptanceRate), Int(t.UpsellNegative), Rate(t.UpsellNegativeRate),
        Int(t.AccessoriesOffered), Int(t.AccessoriesAttached), Rate(t.AttachRate), Int(t.AccessoriesNegative), Rate(t.AccessoriesNegativeRate),
        Money(t.BasketMinor), Money(t.BaselineMinor), Money(t.UpliftMinor), Money(t.AverageBasketMinor), Money(t.AverageUpliftMinor), Rate(t.UpliftRatio),
    ];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";

    private static string Money(long? minor) => minor is { } m ? new Catalog.Money(m).ToInvariant() : "";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Names are typed by people: a leading = + - @ would run as a formula when the file is opened in a spreadsheet.</summary>
    internal static string Text(string value) => SpreadsheetText.Protect(value);
}
