using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesAssistant.Catalog.File;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Import;

public abstract class CatalogImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CatalogImportServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CatalogImportServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private CatalogImportService import = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        import = new CatalogImportService(database, new CatalogFileReader(), TestUsers.Manager, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);

    private static async Task<string> ExportAsync(TestDatabase db)
    {
        using var output = new MemoryStream();
        await new CatalogFileWriter(db).WriteAsync(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private async Task<Product> ProductAsync(string sku)
    {
        await using var db = database.CreateDbContext();
        return await db.Products.Include(p => p.TalkingPoints).Include(p => p.Accessories).ThenInclude(a => a.Accessory).SingleAsync(p => p.Sku == sku);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_then_export_gives_the_same_file()
    {
        var first = await ExportAsync(database);
        await using var empty = await TestDatabase.CreateAsync(provider);
        var importer = new CatalogImportService(empty, new CatalogFileReader(), TestUsers.Manager, TimeProvider.System);

        var plan = await importer.ApplyAsync(Bytes(first), "export.csv", ImportMode.ReplaceCatalog);
        var second = await ExportAsync(empty);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Equal(9, plan.Count(ImportAction.Add));
        Assert.Equal(first, second);
        Assert.StartsWith(TestCatalog.Header + "\n", first);
        Assert.Contains("\"Kettle, quiet\"", first);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_go_out_behind_an_apostrophe_and_still_round_trip()
    {
        // In the file, ''= is how a cell that really starts with '= is written (one apostrophe is the export's).
        const string csv = TestCatalog.Header + "\n"
            + "LINK-1,,\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"y\"\")\",+Zedco,@SUM(1+1),10.00,1,,,,-20% less energy|=more,Mode: -eco\n"
            + "QUOTE-1,,''=quoted,,Kitchen,5.00,2,,,,,\n";
        await using var source = await TestDatabase.WithCatalogAsync(provider, csv);
        await using (var db = source.CreateDbContext())
        {
            var link = await db.Products.Include(p => p.Category).Include(p => p.TalkingPoints).SingleAsync(p => p.Sku == "LINK-1");
            Assert.Equal("=HYPERLINK(\"http://x.invalid\",\"y\")", link.Name);
            Assert.Equal("+Zedco", link.Brand);
            Assert.Equal("@SUM(1+1)", link.Category!.Name);
            Assert.Equal("'=quoted", (await db.Products.SingleAsync(p => p.Sku == "QUOTE-1")).Name);
        }

        var first = await ExportAsync(source);
        await using var empty = await TestDatabase.CreateAsync(provider);
        var plan = await new CatalogImportService(empty, new CatalogFileReader(), TestUsers.Manager, TimeProvider.System)
            .ApplyAsync(Bytes(first), "export.csv", ImportMode.ReplaceCatalog);
        var second = await ExportAsync(empty);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"y\"\")\"", first);
        Assert.Contains(",'+Zedco,'@SUM(1+1),", first);
        Assert.Contains(",'-20% less energy|=more,", first);
        Assert.Contains(",''=quoted,", first);
        Assert.Contains(",Mode: -eco", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task An_apply_refuses_a_plan_made_before_a_managers_edit_and_shows_the_new_plan()
    {
        var csv = TestCatalog.Csv.Replace("Toaster Duo,Crisp,Kitchen,40.00", "Toaster Duo,Crisp,Kitchen,45.00");
        var dryRun = await import.PlanAsync(Bytes(csv), "prices.csv", ImportMode.AddAndUpdate);
        var products = new ProductService(database, TestUsers.Manager, TimeProvider.System);
        var kettle = (await products.SearchAsync("kettle", 0, 1, ProductSort.Name)).Items.Single();
        var details = (await products.GetAsync(kettle.Id))!;
        details.Model.Stock = 99;
        Assert.True((await products.UpdateAsync(kettle.Id, details.Version, details.Model)).Succeeded);

        var refused = await import.ApplyAsync(Bytes(csv), "prices.csv", ImportMode.AddAndUpdate, plannedOn: dryRun.CatalogStamp);

        Assert.True(refused.ChangedSincePlan);
        Assert.False(refused.Applied);
        Assert.Contains(refused.Rows, r => r.Sku == "KETTLE" && r.Action == ImportAction.Update && r.ChangedColumns.Contains("stock"));
        Assert.Equal(4000, (await ProductAsync("TOAST-2")).PriceMinor);
        Assert.Equal(99, (await ProductAsync("KETTLE")).Stock);

        var applied = await import.ApplyAsync(Bytes(csv), "prices.csv", ImportMode.AddAndUpdate, plannedOn: refused.CatalogStamp);

        Assert.True(applied.Applied);
        Assert.Equal(4500, (await ProductAsync("TOAST-2")).PriceMinor);
    }

    [Fact]
    public async Task An_import_leaves_unchanged_products_as_they_were()
    {
        var before = await ProductAsync("KETTLE");
        var toasterBefore = await ProductAsync("TOAST-2");

        var plan = await import.ApplyAsync(Bytes(TestCatalog.Csv.Replace("Toaster Duo,Crisp,Kitchen,40.00", "Toaster Duo,Crisp,Kitchen,45.00")), "prices.csv", ImportMode.AddAndUpdate);

        Assert.True(plan.Applied);
        Assert.Equal(1, plan.Count(ImportAction.Update));
        Assert.Equal(before.Version, (await ProductAsync("KETTLE")).Version);
        Assert.Equal(toasterBefore.Version + 1, (await ProductAsync("TOAST-2")).Version);
    }

    [Fact]
    public async Task The_export_is_a_valid_catalog_file_equal_to_what_was_loaded()
    {
        var exported = new CatalogFileReader().Read(Bytes(await ExportAsync(database)), "export.csv");
        var loaded = new CatalogFileReader().Read(Bytes(TestCatalog.Csv), "loaded.csv");

        Assert.True(exported.IsValid, exported.DescribeErrors());
        Assert.Equal(
            loaded.Entries.OrderBy(e => e.Sku, StringComparer.Ordinal).Select(e => e with { Line = 0, Accessories = [.. e.Accessories], TalkingPoints = [.. e.TalkingPoints], Specs = [.. e.Specs] }).Select(Describe),
            exported.Entries.Select(Describe));

        static string Describe(CatalogEntry e) => string.Join("/", e.Sku, e.Ean, e.Name, e.Brand, e.Category, e.Price.ToInvariant(), e.Stock, e.Family, e.Tier,
            string.Join("|", e.Accessories), string.Join("|", e.TalkingPoints), string.Join(";", e.Specs));
    }

    [Fact]
    public async Task A_dry_run_lists_adds_updates_and_deactivations_and_writes_nothing()
    {
        var csv = TestCatalog.Header + "\n"
            + "TOAST-2,4006381333931,Toaster Duo,Crisp,Kitchen,45.00,5,Crisp toasters,1,CRUMB,Browns two slices evenly,Slots: 2; Power: 800 W; Colour: White\n"
            + "CRUMB,,Crumb tray brush,Crisp,Kitchen,5.50,10,,,,Keeps the toaster clean and safe,\n"
            + "NEW-1,,New grill,Crisp,Kitchen,80.00,2,,,CRUMB,Grills both sides at once,\n";

        var plan = await import.PlanAsync(Bytes(csv), "new.csv", ImportMode.ReplaceCatalog);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Equal((1, 1, 1, 7), (plan.Count(ImportAction.Add), plan.Count(ImportAction.Update), plan.Count(ImportAction.Unchanged), plan.Count(ImportAction.Deactivate)));
        Assert.Equal(["price", "accessories"], plan.Rows.Single(r => r.Sku == "TOAST-2").ChangedColumns);
        Assert.Equal(4000, (await ProductAsync("TOAST-2")).PriceMinor);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Products.AnyAsync(p => p.Sku == "NEW-1"));
    }

    [Fact]
    public async Task Applying_updates_by_sku_keeps_talking_point_history_and_may_link_to_existing_products()
    {
        var csv = TestCatalog.Header + "\n"
            + "TOAST-4,,Toaster Quattro,Crisp,Kitchen,95.00,8,Crisp toasters,2,JAM|CRUMB,Lift-and-look lever checks without burning|Bagel setting crisps one side only,Slots: 4\n";

        var plan = await import.ApplyAsync(Bytes(csv), "update.csv", ImportMode.AddAndUpdate);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var toaster = await ProductAsync("TOAST-4");
        Assert.Equal((9500, 8), (toaster.PriceMinor, toaster.Stock));
        Assert.Equal(["JAM", "CRUMB"], toaster.Accessories.OrderBy(a => a.Priority).Select(a => a.Accessory!.Sku));
        Assert.Equal(["Lift-and-look lever checks without burning", "Bagel setting crisps one side only"],
            toaster.TalkingPoints.Where(t => !t.IsRetired).OrderBy(t => t.Position).Select(t => t.Text));
        Assert.Equal("Toasts four slices at once", Assert.Single(toaster.TalkingPoints, t => t.IsRetired).Text);
        await using var db = database.CreateDbContext();
        Assert.Equal(
            [TalkingPointChangeKind.Added, TalkingPointChangeKind.Retired],
            await db.TalkingPointChanges.Where(c => c.ProductId == toaster.Id).OrderBy(c => c.Kind).Select(c => c.Kind).ToListAsync());
        Assert.True((await ProductAsync("TOAST-6")).IsActive);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_changes_nothing_and_names_every_bad_row()
    {
        var before = await ExportAsync(database);
        var csv = TestCatalog.Header + "\n"
            + "TOAST-2,,Toaster Duo,Crisp,Kitchen,1.00,5,,,,,\n"
            + "BAD 1,,Bad,Crisp,Kitchen,1.00,5,,,,,\n"
            + "NEW-2,,New,Crisp,Kitchen,\"1,00\",5,,,NOPE,,\n";

        var plan = await import.ApplyAsync(Bytes(csv), "bad.csv", ImportMode.ReplaceCatalog);

        Assert.False(plan.IsValid);
        Assert.Equal([(3, "sku"), (4, "price"), (4, "accessories")], plan.Errors.Select(e => (e.Line, e.Column)).ToArray());
        Assert.Equal(before, await ExportAsync(database));
    }

    [Fact]
    public async Task An_ean_held_by_a_product_the_file_leaves_alone_is_refused()
    {
        var csv = TestCatalog.Header + "\nNEW-3,4006381333931,Copy,Crisp,Kitchen,1.00,5,,,,,\n";

        var plan = await import.PlanAsync(Bytes(csv), "dup.csv", ImportMode.AddAndUpdate);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((2, "ean"), (error.Line, error.Column));
        Assert.Contains("TOAST-2", error.Message);
    }

    [Fact]
    public async Task Two_products_may_swap_tiers_and_eans_in_one_file()
    {
        var csv = TestCatalog.Header + "\n"
            + "TOAST-2,,Toaster Duo,Crisp,Kitchen,40.00,5,Crisp toasters,2,,,\n"
            + "TOAST-4,4006381333931,Toaster Quattro,Crisp,Kitchen,100.00,3,Crisp toasters,1,,,\n";

        var plan = await import.ApplyAsync(Bytes(csv), "swap.csv", ImportMode.AddAndUpdate);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Equal((2, null), ((await ProductAsync("TOAST-2")).Tier, (await ProductAsync("TOAST-2")).Ean));
        Assert.Equal((1, "4006381333931"), ((await ProductAsync("TOAST-4")).Tier, (await ProductAsync("TOAST-4")).Ean));
    }

    [Fact]
    public async Task Replacing_the_catalog_deactivates_what_the_file_leaves_out_and_the_counter_stops_offering_it()
    {
        var csv = TestCatalog.Header + "\nTOAST-2,4006381333931,Toaster Duo,Crisp,Kitchen,40.00,5,Crisp toasters,1,,,\n";

        await import.ApplyAsync(Bytes(csv), "small.csv", ImportMode.ReplaceCatalog);

        Assert.False((await ProductAsync("TOAST-4")).IsActive);
        var search = new SalesAssistant.Features.Counter.ProductSearch(database);
        Assert.Empty(await search.SearchAsync("quattro"));
        var counter = new SalesAssistant.Features.Counter.CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        Assert.Equal(UpsellOutcome.NotOffered, (await counter.GetAsync(id))!.UpsellOutcome);
    }

    [Fact]
    public async Task Clerks_and_strangers_cannot_import()
    {
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new CatalogImportService(database, new CatalogFileReader(), user, TimeProvider.System);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PlanAsync(Bytes(TestCatalog.Csv), "x.csv", ImportMode.AddAndUpdate));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ApplyAsync(Bytes(TestCatalog.Csv), "x.csv", ImportMode.ReplaceCatalog));
        }
    }
}
