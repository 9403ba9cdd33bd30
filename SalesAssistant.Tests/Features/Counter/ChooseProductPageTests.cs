using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public abstract class ChooseProductPageTests(DatabaseProvider provider) : CounterTestContext(provider)
{
    public sealed class OnSqlite() : ChooseProductPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ChooseProductPageTests(DatabaseProvider.Postgres);

    private IRenderedComponent<ChooseProductPage> RenderPage()
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ChooseProductPage>();
    }

    [Fact]
    public void Typing_shows_matching_products_after_a_pause()
    {
        var page = RenderPage();

        page.Find("input[data-testid=product-search]").Input("caffe");

        page.WaitForAssertion(() => Assert.Equal("CAFFE", page.Find("[data-testid=product-result]").GetAttribute("data-sku")), TimeSpan.FromSeconds(5));
        Assert.Contains("Caffè Crema 2", page.Find("[data-testid=product-result]").TextContent);
    }

    [Fact]
    public void A_search_without_matches_says_so()
    {
        var page = RenderPage();

        page.Find("input[data-testid=product-search]").Input("zzzz");

        page.WaitForElement("[data-testid=no-results]", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_scanned_ean_followed_by_enter_opens_the_consultation_for_that_product()
    {
        var page = RenderPage();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var input = page.Find("input[data-testid=product-search]");

        input.Input("4006381333931");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.StartsWith("http://localhost/consultation/", navigation.Uri));
        var id = Guid.Parse(navigation.Uri.Split('/').Last());
        Assert.Equal("TOAST-2", (await Counter.GetAsync(id))!.Baseline.Sku);
    }

    [Fact]
    public void An_unknown_barcode_is_reported_and_opens_nothing()
    {
        var page = RenderPage();
        Render<MudBlazor.MudSnackbarProvider>();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var input = page.Find("input[data-testid=product-search]");

        input.Input("9999999999994");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForElement("[data-testid=no-results]", TimeSpan.FromSeconds(5));
        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Fact]
    public void Browsing_a_category_lists_its_products()
    {
        var page = RenderPage();
        page.WaitForElement("[data-testid=category]");

        page.FindAll("[data-testid=category]").Single(c => c.TextContent.Contains("Coffee")).Click();

        page.WaitForAssertion(() => Assert.Equal(["CAFFE"], page.FindAll("[data-testid=product-result]").Select(r => r.GetAttribute("data-sku"))));
    }

    [Fact]
    public void Tapping_a_result_starts_a_consultation()
    {
        var page = RenderPage();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        page.Find("input[data-testid=product-search]").Input("banquet");

        page.WaitForElement("[data-testid=product-result]", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.Contains("/consultation/", navigation.Uri));
    }
}
