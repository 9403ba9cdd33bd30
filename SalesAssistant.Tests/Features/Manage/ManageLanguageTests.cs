using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage;

/// <summary>The back office in the manager's language: ManageText's translations, FluentValidation's own messages, plural forms.</summary>
public abstract class ManageLanguageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : ManageLanguageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ManageLanguageTests(DatabaseProvider.Postgres);

    [Fact]
    public void An_empty_product_form_says_in_Polish_which_fields_are_required()
    {
        using var polish = new InLanguage("pl", "pl-PL");
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ProductEditPage>();

        // The form shows once the page has read the categories and families.
        page.WaitForElement("[data-testid=product-save]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Pole 'Kod produktu' nie może być puste.", page.Markup);
            Assert.Contains("Pole 'Nazwa' nie może być puste.", page.Markup);
            Assert.Contains("Pole 'Cena' nie może być puste.", page.Markup);
        });
        Assert.Equal("Utwórz produkt", page.Find("[data-testid=product-save]").TextContent.Trim());
    }

    [Fact]
    public void A_talking_point_without_text_is_refused_in_Polish()
    {
        using var polish = new InLanguage("pl", "pl-PL");
        var editor = Render<TalkingPointEditor>(p => p.Add(x => x.Model, new TalkingPointModel()));

        editor.Find("[data-testid=talking-point-save]").Click();

        editor.WaitForAssertion(() => Assert.Contains("Napisz, co zyskuje klient.", editor.Markup));
        Assert.Equal("Zapisz", editor.Find("[data-testid=talking-point-save]").TextContent.Trim());
    }

    [Theory]
    [InlineData("pl", 1, "1 produkt")]
    [InlineData("pl", 2, "2 produkty")]
    [InlineData("pl", 5, "5 produktów")]
    [InlineData("pl", 22, "22 produkty")]
    [InlineData("pl", 25, "25 produktów")]
    [InlineData("en", 1, "1 product")]
    [InlineData("en", 2, "2 products")]
    [InlineData("it", 1, "1 prodotto")]
    [InlineData("nl", 5, "5 producten")]
    public async Task The_product_list_counts_its_products_in_the_language_s_plural(string language, int count, string expected)
    {
        await OnlyProductsAsync(count);
        using var scope = new InLanguage(language, CultureInfo.CreateSpecificCulture(language).Name);
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<ProductListPage>();

        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[data-testid=product-count]").TextContent.Trim()));
    }

    /// <summary>The active catalog becomes <paramref name="count"/> new products: the test catalog's are deactivated.</summary>
    private async Task OnlyProductsAsync(int count)
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Products.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        }
        var products = Services.GetRequiredService<ProductService>();
        for (var i = 1; i <= count; i++)
        {
            var (result, _) = await products.CreateAsync(new ProductModel { Sku = $"PLURAL-{i}", Name = $"Plural {i}", Category = "Kitchen", Price = 10m, Stock = 1 });
            Assert.True(result.Succeeded, result.Message);
        }
    }
}
