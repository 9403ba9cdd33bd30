using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Import;

public abstract class ImportPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : ImportPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ImportPageTests(DatabaseProvider.Postgres);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(Options.Create(new ImportOptions { MaxFileBytes = 1024 }));
    }

    private IRenderedComponent<ImportPage> Upload(InputFileContent file)
    {
        var page = Render<ImportPage>();
        page.FindComponent<InputFile>().UploadFiles(file);
        return page;
    }

    [Fact]
    public void A_file_that_is_not_csv_is_refused_with_a_clear_message()
    {
        var page = Upload(InputFileContent.CreateFromText("hello", "catalog.xlsx"));

        page.WaitForAssertion(() => Assert.Contains("not a CSV file", page.Find("[data-testid=import-problem]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
    }

    [Fact]
    public void A_file_over_the_configured_size_is_refused_with_a_clear_message()
    {
        var page = Upload(InputFileContent.CreateFromText(TestCatalog.Header + "\n" + new string('x', 2000), "big.csv"));

        page.WaitForAssertion(() => Assert.Contains("the limit is", page.Find("[data-testid=import-problem]").TextContent));
    }

    [Fact]
    public void A_valid_file_shows_the_dry_run_before_anything_is_written()
    {
        var page = Upload(InputFileContent.CreateFromText(TestCatalog.Header + "\nNEW-9,,Waffle maker,Crisp,Kitchen,49.00,3,,,,,\n", "new.csv"));

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-add]").TextContent));
        Assert.NotNull(page.Find("[data-testid=import-apply]"));
        using var db = Database.CreateDbContext();
        Assert.DoesNotContain(db.Products, p => p.Sku == "NEW-9");
    }

    [Fact]
    public async Task Applying_after_someone_changed_the_catalog_shows_the_new_plan_and_imports_nothing()
    {
        var page = Upload(InputFileContent.CreateFromText(TestCatalog.Header + "\nNEW-9,,Waffle maker,Crisp,Kitchen,49.00,3,,,,,\n", "new.csv"));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-add]").TextContent));
        var products = Services.GetRequiredService<ProductService>();
        var kettle = (await products.SearchAsync("kettle", 0, 1, ProductSort.Name)).Items.Single();
        var details = (await products.GetAsync(kettle.Id))!;
        details.Model.Stock = 99;
        Assert.True((await products.UpdateAsync(kettle.Id, details.Version, details.Model)).Succeeded);

        page.Find("[data-testid=import-apply]").Click();

        page.WaitForElement("[data-testid=import-changed-meanwhile]");
        Assert.NotNull(page.Find("[data-testid=import-apply]"));
        await using (var db = Database.CreateDbContext())
        {
            Assert.DoesNotContain(db.Products, p => p.Sku == "NEW-9");
        }

        page.Find("[data-testid=import-apply]").Click();

        page.WaitForElement("[data-testid=import-done]");
        await using var after = Database.CreateDbContext();
        Assert.Contains(after.Products, p => p.Sku == "NEW-9");
    }
}
