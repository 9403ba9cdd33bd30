using System.Globalization;
using AngleSharp.Dom;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public abstract class ConsultationPageTests(DatabaseProvider provider) : CounterTestContext(provider)
{
    public sealed class OnSqlite() : ConsultationPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ConsultationPageTests(DatabaseProvider.Postgres);

    private async Task<(Guid Id, IRenderedComponent<ConsultationPage> Page)> OpenAsync(string sku)
    {
        var id = (await Counter.StartAsync(sku))!.Value;
        var page = Render<ConsultationPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=basket]");
        return (id, page);
    }

    private static IElement TestId(IRenderedComponent<ConsultationPage> page, string testId) => page.Find($"[data-testid={testId}]");

    [Fact]
    public async Task Upsell_shows_the_baseline_and_each_higher_tier_with_its_price_difference_and_talking_points()
    {
        var (_, page) = await OpenAsync("TOAST-2");

        Assert.Contains("Toaster Duo", TestId(page, "baseline-product").TextContent);
        var options = page.FindAll("[data-testid=upsell-option]");
        Assert.Equal(["TOAST-4", "TOAST-6"], options.Select(o => o.GetAttribute("data-sku")));
        var deltas = page.FindAll("[data-testid=price-delta]");
        Assert.Equal(["60.00", "180.00"], deltas.Select(d => d.GetAttribute("data-value")));
        Assert.Equal("+€60.00", deltas[0].TextContent.Trim());
        Assert.Contains(options[0].QuerySelectorAll("[data-testid=talking-point]"), p => p.TextContent == "Toasts four slices at once");
        Assert.NotNull(TestId(page, "stop-prompt"));
    }

    [Fact]
    public async Task In_Polish_the_upsell_step_names_the_tiers_the_stock_and_the_reactions_in_Polish()
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("pl");
        try
        {
            var (_, page) = await OpenAsync("TOAST-2");

            Assert.Equal(["Rozszerzony", "Premium"], page.FindAll("[data-testid=tier-label]").Select(t => t.TextContent.Trim()));
            Assert.Contains("Wybór klienta · Podstawowy", TestId(page, "baseline-product").TextContent);
            Assert.Equal("Z zainteresowaniem", TestId(page, "reaction-positive").TextContent.Trim());
            Assert.Equal("Negatywnie – przestań proponować", TestId(page, "reaction-negative").TextContent.Trim());
            Assert.Contains("Obserwuj reakcję klienta.", TestId(page, "stop-prompt").TextContent);
            Assert.Equal("Na stanie: 3 szt.", page.FindAll("[data-testid=upsell-option]")[0].QuerySelector("[data-testid=stock]")!.TextContent);
            Assert.Equal("Zachowaj pierwotny wybór: Toaster Duo", TestId(page, "keep-original").TextContent.Trim());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Fact]
    public async Task The_stop_prompt_is_announced_and_names_the_group_of_reaction_buttons()
    {
        var (_, page) = await OpenAsync("TOAST-2");

        var prompt = TestId(page, "stop-prompt");
        Assert.Equal("group", prompt.GetAttribute("role"));
        var title = page.Find("#" + prompt.GetAttribute("aria-labelledby"));
        Assert.Equal("Watch the customer's reaction.", title.TextContent.Trim());
        Assert.Equal("status", title.ParentElement!.GetAttribute("role"));
        Assert.Equal("Negative — stop offering", TestId(page, "reaction-negative").TextContent.Trim());
    }

    [Fact]
    public async Task Out_of_stock_tiers_are_not_offered()
    {
        var (_, page) = await OpenAsync("TOAST-2");

        Assert.DoesNotContain(page.FindAll("[data-testid=upsell-option]"), o => o.GetAttribute("data-sku") == "TOAST-4X");
    }

    [Fact]
    public async Task A_negative_reaction_removes_the_offers_and_moves_on_to_accessories_with_the_original_choice()
    {
        var (_, page) = await OpenAsync("TOAST-2");

        TestId(page, "reaction-negative").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=upsell-option]")));
        Assert.NotNull(TestId(page, "upsell-stopped"));
        Assert.Equal("TOAST-2", TestId(page, "basket-line").GetAttribute("data-sku"));
        Assert.Equal(["CRUMB", "JAM"], page.FindAll("[data-testid=accessory]").Select(a => a.GetAttribute("data-sku")));
    }

    [Fact]
    public async Task Choosing_an_upsell_puts_it_in_the_basket_with_its_uplift()
    {
        var (_, page) = await OpenAsync("TOAST-2");

        page.FindAll("[data-testid=choose-upsell]")[0].Click();

        page.WaitForAssertion(() => Assert.Equal("TOAST-4", TestId(page, "basket-line").GetAttribute("data-sku")));
        Assert.Equal("100.00", TestId(page, "basket-total").GetAttribute("data-value"));
        Assert.Equal("60.00", TestId(page, "basket-uplift").GetAttribute("data-value"));
        Assert.Contains("+150%", TestId(page, "basket-uplift").TextContent);
    }

    [Fact]
    public async Task Adding_and_removing_an_accessory_updates_the_total()
    {
        var (_, page) = await OpenAsync("TOAST-2");
        TestId(page, "keep-original").Click();
        page.WaitForElement("[data-testid=accessory]");

        page.Find("[data-testid=accessory][data-sku=JAM] [data-testid=add-accessory]").Click();
        page.WaitForAssertion(() => Assert.Equal("52.00", TestId(page, "basket-total").GetAttribute("data-value")));
        Assert.Equal("true", page.Find("[data-testid=accessory][data-sku=JAM]").GetAttribute("data-in-basket"));

        page.Find("[data-testid=accessory][data-sku=JAM] [data-testid=add-accessory]").Click();
        page.WaitForAssertion(() => Assert.Equal("40.00", TestId(page, "basket-total").GetAttribute("data-value")));
        Assert.Single(page.FindAll("[data-testid=basket-line]"));
    }

    [Fact]
    public async Task Each_accessory_button_is_named_with_its_accessory()
    {
        var (_, page) = await OpenAsync("TOAST-2");
        TestId(page, "keep-original").Click();
        page.WaitForElement("[data-testid=accessory]");

        Assert.Equal("Accessories for Toaster Duo", TestId(page, "main-product").ParentElement!.TextContent.Trim());
        Assert.Equal("Toaster Duo ★", TestId(page, "basket-line").FirstElementChild!.TextContent.Trim());
        var jam = page.Find("[data-testid=accessory][data-sku=JAM] [data-testid=add-accessory]");
        Assert.Equal("Add", jam.TextContent.Trim());
        Assert.Equal("Add: Jam selection", jam.GetAttribute("aria-label"));
        jam.Click();
        page.WaitForAssertion(() => Assert.Equal("Remove: Jam selection",
            page.Find("[data-testid=accessory][data-sku=JAM] [data-testid=add-accessory]").GetAttribute("aria-label")));
    }

    [Fact]
    public async Task Out_of_stock_accessories_are_not_offered()
    {
        var (_, page) = await OpenAsync("TOAST-2");
        TestId(page, "keep-original").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=accessory]").Count));
        Assert.DoesNotContain(page.FindAll("[data-testid=accessory]"), a => a.GetAttribute("data-sku") == "BAG-OUT");
    }

    [Fact]
    public async Task A_product_without_a_family_says_there_is_no_upsell_and_shows_accessories()
    {
        var (_, page) = await OpenAsync("CAFFE");

        Assert.NotNull(TestId(page, "no-upsell"));
        Assert.Empty(page.FindAll("[data-testid=upsell-option]"));
        Assert.Equal("JAM", TestId(page, "accessory").GetAttribute("data-sku"));
    }

    [Fact]
    public async Task A_product_without_accessories_says_so_and_offers_to_continue()
    {
        var (_, page) = await OpenAsync("KETTLE");

        Assert.NotNull(TestId(page, "no-accessories"));
        Assert.Empty(page.FindAll("[data-testid=stop-prompt]"));
        TestId(page, "step-continue").Click();
        page.WaitForElement("[data-testid=finish-consultation]");
    }

    [Fact]
    public async Task A_negative_reaction_on_accessories_stops_them_and_shows_the_basket()
    {
        var (_, page) = await OpenAsync("CAFFE");
        TestId(page, "add-accessory").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=basket-line]").Count));

        TestId(page, "reaction-negative").Click();

        page.WaitForElement("[data-testid=accessories-stopped]");
        Assert.Empty(page.FindAll("[data-testid=accessory]"));
        Assert.Equal("312.00", TestId(page, "basket-total").GetAttribute("data-value"));
    }

    [Fact]
    public async Task Finishing_records_the_consultation_and_offers_the_next_customer()
    {
        var (id, page) = await OpenAsync("KETTLE");
        TestId(page, "step-continue").Click();
        page.WaitForElement("[data-testid=finish-consultation]").Click();

        page.WaitForElement("[data-testid=next-customer]");
        Assert.Equal(ConsultationStep.Finished, (await Counter.GetAsync(id))!.Step);
    }

    [Fact]
    public void An_unknown_consultation_says_so()
    {
        var page = Render<ConsultationPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForElement("[data-testid=consultation-not-found]");
    }

    [Fact]
    public async Task Talking_points_are_shown_as_text_never_as_html()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.TalkingPoints.Add(new SalesAssistant.Catalog.TalkingPoint { ProductId = db.Products.Single(p => p.Sku == "TOAST-4").Id, Position = 9, Text = "<script>alert(1)</script><b>bold</b>" });
            await db.SaveChangesAsync();
        }

        var (_, page) = await OpenAsync("TOAST-2");

        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("[data-testid=talking-point] b"));
        Assert.Contains(page.FindAll("[data-testid=talking-point]"), p => p.TextContent == "<script>alert(1)</script><b>bold</b>");
    }

    [Fact]
    public async Task On_the_accessory_step_a_search_adds_any_product_to_the_basket_and_it_can_be_taken_out_again()
    {
        var (_, page) = await OpenAsync("KETTLE");

        page.Find("input[data-testid=extra-search]").Input("jam");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=extra-results] [data-testid=product-result]")), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=extra-results] [data-testid=product-result]").Click();

        page.WaitForAssertion(() => Assert.Equal(["KETTLE", "JAM"], page.FindAll("[data-testid=basket-line]").Select(l => l.GetAttribute("data-sku"))));
        Assert.Equal("42.00", TestId(page, "basket-total").GetAttribute("data-value"));
        page.Find("[data-testid=extra-line] [data-testid=remove-extra]").Click();
        page.WaitForAssertion(() => Assert.Equal(["KETTLE"], page.FindAll("[data-testid=basket-line]").Select(l => l.GetAttribute("data-sku"))));
    }

    [Fact]
    public async Task The_extra_search_offers_only_products_in_stock()
    {
        var (_, page) = await OpenAsync("KETTLE");

        page.Find("input[data-testid=extra-search]").Input("toaster bags");

        page.WaitForAssertion(() => Assert.NotNull(TestId(page, "extra-no-results")), TimeSpan.FromSeconds(5));
    }
}
