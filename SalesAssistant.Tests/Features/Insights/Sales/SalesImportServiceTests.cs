using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Insights.Sales;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Sales;

public abstract class SalesImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : SalesImportServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SalesImportServiceTests(DatabaseProvider.Postgres);

    public const string Header = "order_id,sku,quantity,sold_at\n";

    /// <summary>Five till orders: T-1 and T-2 toaster + jam, T-3 toaster + kettle, T-4 kettle + jam, T-5 coffee machine alone.</summary>
    public const string FiveOrders = Header
        + "T-1,TOAST-2,1,2026-11-02T09:00:00Z\n"
        + "T-1,JAM,2,2026-11-02T09:00:00Z\n"
        + "T-2,toast-2,1,2026-11-02T10:00:00+01:00\n"
        + "T-2,JAM,1,2026-11-02T10:00:00+01:00\n"
        + "T-3,TOAST-2,1,2026-11-03T11:00:00Z\n"
        + "T-3,KETTLE,1,2026-11-03T11:00:00Z\n"
        + "T-4,KETTLE,1,2026-11-03T12:00\n"
        + "T-4,JAM,1,2026-11-03T12:00\n"
        + "T-5,CAFFE,1,2026-11-04T12:00:00Z\n";

    private TestDatabase database = null!;
    private SalesImportService sales = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        sales = new SalesImportService(database, TestUsers.Manager, TimeProvider.System, InsightsTexts.Localizer);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);

    private async Task<int> CountAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.SaleOrders.CountAsync();
    }

    [Fact]
    public async Task Long_or_control_character_fields_are_bad_rows_whose_messages_stay_short()
    {
        var csv = Header
            + $"T-1,TOAST-2,{new string('9', 20_000)},2026-11-02T10:00:00Z\n"
            + $"T-2,TOAST-2,{new string('9', CatalogLimits.MaxFieldLength + 1)},2026-11-02T10:00:00Z\n"
            + "T\u00013,TOAST-2,1,2026-11-02T10:00:00Z\n";

        var plan = await sales.PlanAsync(Bytes(csv), "till.csv");

        Assert.Equal([(2, "quantity"), (3, "quantity"), (4, "order_id")], plan.Errors.Select(e => (e.Line, e.Column)));
        Assert.StartsWith("'" + new string('9', ShortText.QuotedLength) + "…'", plan.Errors[0].Message);
        Assert.Equal($"is longer than {CatalogLimits.MaxFieldLength} characters", plan.Errors[1].Message);
        Assert.Contains("U+0001", plan.Errors[2].Message);
        Assert.All(plan.Errors, e => Assert.True(e.Message.Length < 200, e.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_dry_run_counts_orders_and_lines_and_writes_nothing()
    {
        var plan = await sales.PlanAsync(Bytes(FiveOrders), "till.csv");

        Assert.True(plan.IsValid);
        Assert.Equal((5, 9, 0, 5), (plan.Orders, plan.Lines, plan.AlreadyImported, plan.NewOrders));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Applying_stores_each_order_with_its_lines_and_time()
    {
        await sales.ApplyAsync(Bytes(FiveOrders), "till.csv");

        await using var db = database.CreateDbContext();
        var t2 = await db.SaleOrders.Include(o => o.Lines).ThenInclude(l => l.Product).SingleAsync(o => o.OrderNumber == "T-2");
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), t2.SoldAt);
        Assert.Equal(["JAM", "TOAST-2"], t2.Lines.Select(l => l.Product!.Sku).Order());
        var t4 = await db.SaleOrders.SingleAsync(o => o.OrderNumber == "T-4");
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), t4.SoldAt);
        Assert.Equal(9, await db.SaleLines.CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_orders_again_does_not_count_them_twice()
    {
        await sales.ApplyAsync(Bytes(FiveOrders), "till.csv");
        var more = FiveOrders + "T-6,JAM,1,2026-11-05T08:00:00Z\n";

        var again = await sales.ApplyAsync(Bytes(more), "till-2.csv");

        Assert.Equal((6, 5, 1), (again.Orders, again.AlreadyImported, again.NewOrders));
        Assert.Equal(6, await CountAsync());
    }

    [Fact]
    public async Task A_product_listed_twice_in_one_order_is_one_line_with_the_quantities_added()
    {
        await sales.ApplyAsync(Bytes(Header + "T-1,JAM,1,2026-11-02T09:00:00Z\nT-1,jam,2,2026-11-02T09:00:00Z\n"), "till.csv");

        await using var db = database.CreateDbContext();
        Assert.Equal(3, (await db.SaleLines.SingleAsync()).Quantity);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_by_line_and_column_and_nothing_is_written()
    {
        var csv = Header
            + "T-1,TOAST-2,1,2026-11-02T09:00:00Z\n"
            + "T-2,GIFT-CARD,1,2026-11-02T09:00:00Z\n"
            + "T-3,JAM,0,2026-11-02T09:00:00Z\n"
            + "T-4,JAM,1,02/11/2026 09:00\n"
            + ",JAM,1,2026-11-02T09:00:00Z\n"
            + "T-1,JAM,1,2026-11-02T09:30:00Z\n";

        var plan = await sales.ApplyAsync(Bytes(csv), "till.csv");

        Assert.False(plan.IsValid);
        Assert.Equal(
            [(3, "sku"), (4, "quantity"), (5, "sold_at"), (6, "order_id"), (7, "sold_at")],
            plan.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("unknown SKU", plan.Errors[0].Message);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Under_Polish_every_bad_row_gives_its_reason_in_Polish_and_quotes_the_file_as_written()
    {
        using var polish = InLanguage.Polish();
        var csv = Header
            + "T-1,TOAST-2,1,2026-11-02T09:00:00Z\n"
            + "T-2,GIFT-CARD,1,2026-11-02T09:00:00Z\n"
            + "T-3,JAM,0,2026-11-02T09:00:00Z\n"
            + "T-4,JAM,1,02/11/2026 09:00\n"
            + ",JAM,1,2026-11-02T09:00:00Z\n"
            + "T-1,JAM,1,2026-11-02T09:30:00Z\n"
            + $"T-5,{new string('S', CatalogLimits.SkuMaxLength + 1)},1,2026-11-02T09:00:00Z\n"
            + "T-6,JAM,1,2026-11-02T09:00:00Z,extra\n";

        var plan = await sales.PlanAsync(Bytes(csv), "till.csv");

        Assert.Equal(
            [
                (3, "sku", "nieznany kod produktu 'GIFT-CARD': nie ma go w katalogu"),
                (4, "quantity", "'0' nie jest liczbą całkowitą od 1 do 9999"),
                (5, "sold_at", "'02/11/2026 09:00' nie jest datą i godziną ISO 8601, np. 2026-11-02T14:30:00Z"),
                (6, "order_id", "to pole jest wymagane"),
                (7, "sold_at", "paragon T-1 ma sold_at 2026-11-02T09:00:00.0000000+00:00 w wierszu 2; jeden paragon ma jeden sold_at"),
                (8, "sku", "ma więcej niż 64 znaki"),
                (9, null, "oczekiwano 4 pól: order_id,sku,quantity,sold_at"),
            ],
            plan.Errors.Select(e => (e.Line, e.Column, e.Message)));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("order,sku,qty,date\nT-1,JAM,1,2026-11-02T09:00:00Z\n", "the header must be exactly order_id,sku,quantity,sold_at")]
    [InlineData(Header, "no order lines")]
    [InlineData(Header + "T-1,JAM,1\n", "expected 4 fields")]
    public async Task A_file_that_is_not_a_till_export_is_refused_with_a_reason(string csv, string reason)
    {
        var plan = await sales.PlanAsync(Bytes(csv), "till.csv");

        Assert.Contains(plan.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_names_the_line_of_the_bad_byte()
    {
        var bytes = Bytes(Header + "T-1,JAM,1,2026-11-02T09:00:00Z\n").Concat(new byte[] { 0x54, 0x2D, 0x32, 0xE9, 0x2C }).ToArray();

        var plan = await sales.PlanAsync(bytes, "till.csv");

        Assert.Equal(3, Assert.Single(plan.Errors).Line);
    }

    [Fact]
    public async Task Only_managers_import_sales()
    {
        var asClerk = new SalesImportService(database, TestUsers.Clerk, TimeProvider.System, InsightsTexts.Localizer);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.ApplyAsync(Bytes(FiveOrders), "till.csv"));
        Assert.Equal(0, await CountAsync());
    }
}
