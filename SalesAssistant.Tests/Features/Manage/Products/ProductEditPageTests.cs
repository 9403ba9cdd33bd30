using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Products;

public abstract class ProductEditPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : ProductEditPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductEditPageTests(DatabaseProvider.Postgres);

    private async Task<IRenderedComponent<ProductEditPage>> OpenProductAsync(string sku)
    {
        Render<MudBlazor.MudPopoverProvider>();
        var id = await ProductIdAsync(sku);
        var page = Render<ProductEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=product-save]");
        return page;
    }

    [Fact]
    public async Task A_wrong_ean_check_digit_is_shown_on_the_field_and_nothing_is_saved()
    {
        var page = await OpenProductAsync("KETTLE");

        page.Find("input[data-testid=product-ean]").Input("4006381333932");
        page.Find("[data-testid=product-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("The check digit is wrong", page.Markup));
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Products.SingleAsync(p => p.Sku == "KETTLE")).Ean);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_shows_the_conflict_and_reloads_the_current_values()
    {
        var page = await OpenProductAsync("KETTLE");
        var other = Services.GetRequiredService<ProductService>();
        var id = await ProductIdAsync("KETTLE");
        var seen = (await other.GetAsync(id))!;
        seen.Model.Stock = 42;
        Assert.True((await other.UpdateAsync(id, seen.Version, seen.Model)).Succeeded);

        page.Find("input[data-testid=product-name]").Input("Kettle, whisper quiet");
        page.Find("[data-testid=product-save]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("stock 42", page.Find("[data-testid=conflict-message]").TextContent);
            Assert.Equal("42", page.Find("input[data-testid=product-stock]").GetAttribute("value"));
            Assert.Equal("Kettle, quiet", page.Find("input[data-testid=product-name]").GetAttribute("value"));
        });
    }

    [Fact]
    public async Task Moving_an_accessory_up_reorders_the_list()
    {
        var page = await OpenProductAsync("TOAST-2");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=accessory-up]").Count));

        page.FindAll("[data-testid=accessory-up]")[2].Click();

        page.WaitForAssertion(() => Assert.Equal(["CRUMB", "JAM", "BAG-OUT"], page.FindAll("[data-testid=linked-accessory]").Select(a => a.GetAttribute("data-sku"))));
    }
}
