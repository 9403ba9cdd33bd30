using Microsoft.Playwright;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InsightsBrowserTests(BrowserFixture fixture)
{
    /// <summary>Runs one consultation on TOAST-2 (40.00) through the clerk's screens.</summary>
    private static async Task ConsultAsync(IPage clerk, Func<IPage, Task> upsell, Func<IPage, Task> accessories)
    {
        await clerk.GoToInteractiveAsync("/");
        await clerk.TestId("product-search").FillAsync("toaster duo");
        await clerk.TestId("product-result").ClickAsync();
        await Expect(clerk.TestId("upsell-option")).ToHaveCountAsync(2);
        await upsell(clerk);
        await Expect(clerk.TestId("step-continue")).ToBeVisibleAsync();
        await accessories(clerk);
        await clerk.TestId("step-continue").ClickAsync();
        await clerk.TestId("finish-consultation").ClickAsync();
        await Expect(clerk.TestId("next-customer")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_three_consultations_the_dashboard_shows_exactly_their_figures()
    {
        await fixture.App.CreateClerkAsync("counted@store.test", "Counted-Clerk-2026", "Counted clerk");
        var clerk = await fixture.NewPageAsync(1024, 768);
        await clerk.SignInAsync("counted@store.test", "Counted-Clerk-2026");
        await clerk.WaitForInteractiveAsync();

        // (1) takes the up-sell to TOAST-4, no accessory: 100.00.
        await ConsultAsync(clerk,
            page => page.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("choose-upsell").ClickAsync(),
            page => Expect(page.TestId("accessory")).ToHaveCountAsync(1));
        // (2) negative at the up-sell, keeps TOAST-2, no accessory: 40.00.
        await ConsultAsync(clerk,
            page => page.TestId("reaction-negative").ClickAsync(),
            page => Expect(page.TestId("upsell-stopped")).ToBeVisibleAsync());
        // (3) keeps TOAST-2 and adds the jam: 52.00.
        await ConsultAsync(clerk,
            page => page.TestId("keep-original").ClickAsync(),
            async page =>
            {
                await page.Locator("[data-testid=accessory][data-sku=JAM]").TestId("add-accessory").ClickAsync();
                await Expect(page.TestId("basket-total")).ToHaveAttributeAsync("data-value", "52.00");
            });

        var manager = await fixture.NewPageAsync(1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.WaitForInteractiveAsync();
        await manager.GoToInteractiveAsync("/manage/insights");
        await manager.TestId("filter-clerk").ClickAsync();
        await manager.Locator(".mud-popover-open").GetByText("Counted clerk").ClickAsync();
        await manager.TestId("filter-apply").ClickAsync();

        await Expect(manager.TestId("kpi-consultations")).ToHaveAttributeAsync("data-value", "3");
        await Expect(manager.TestId("kpi-upsell-rate")).ToHaveAttributeAsync("data-value", "0.3333");
        await Expect(manager.TestId("kpi-upsell-rate")).ToContainTextAsync("1 of 3");
        await Expect(manager.TestId("kpi-upsell-negative-rate")).ToHaveAttributeAsync("data-value", "0.3333");
        await Expect(manager.TestId("kpi-attach-rate")).ToHaveAttributeAsync("data-value", "0.3333");
        await Expect(manager.TestId("kpi-accessories-negative-rate")).ToHaveAttributeAsync("data-value", "0");
        await Expect(manager.TestId("kpi-average-basket")).ToHaveAttributeAsync("data-value", "64.00");
        await Expect(manager.TestId("kpi-average-uplift")).ToHaveAttributeAsync("data-value", "24.00");
        await Expect(manager.TestId("kpi-total-uplift")).ToHaveAttributeAsync("data-value", "72.00");
        await Expect(manager.TestId("by-clerk").TestId("figure-row")).ToHaveCountAsync(1);
        // The jam was offered in (2) and (3) and taken in (3).
        await Expect(manager.Locator("[data-testid=by-accessory] [data-testid=figure-row][data-key=JAM] [data-testid=attach-rate]")).ToHaveAttributeAsync("data-value", "0.5");
        Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard scrolls sideways");
        await manager.ScreenshotAsync("insights-1024x768");

        var summaryHref = await manager.TestId("export-csv").First.GetAttributeAsync("href");
        Assert.Contains("/manage/insights/export/summary.csv?", summaryHref);
        var export = await manager.APIRequest.GetAsync(summaryHref!);
        Assert.Equal(200, export.Status);
        var csv = (await export.TextAsync()).Split('\n');
        Assert.StartsWith("from,to,consultations,upsell_offered,upsell_accepted,upsell_acceptance_rate", csv[0]);
        Assert.Contains(",3,3,1,0.3333,1,0.3333,3,1,0.3333,0,0.0000,192.00,120.00,72.00,64.00,24.00,0.6000", csv[1]);
        var clerkExport = await clerk.APIRequest.GetAsync("/manage/insights/export/summary.csv", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, clerkExport.Status);

        await manager.SetViewportSizeAsync(768, 1024);
        Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard scrolls sideways at 768 px");
        await manager.ScreenshotAsync("insights-768x1024");
        await manager.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task Till_sales_reveal_a_pair_that_becomes_an_accessory_link_in_two_clicks()
    {
        var sales = Path.Combine(Directory.CreateTempSubdirectory("till-").FullName, "till.csv");
        await File.WriteAllTextAsync(sales, "order_id,sku,quantity,sold_at\n" + string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"BT-{i},CAFFE,1,{DateTime.UtcNow.AddDays(-i):yyyy-MM-dd}T10:00:00Z\nBT-{i},KETTLE,1,{DateTime.UtcNow.AddDays(-i):yyyy-MM-dd}T10:00:00Z\n")));
        // Its own app: the new accessory link must not change what the other browser tests see.
        await using var app = new AppServer(TestCatalog.Csv);
        await app.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        var manager = await fixture.NewPageAsync(app, 1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.WaitForInteractiveAsync();
        await manager.GoToInteractiveAsync("/manage/sales-import");
        await manager.TestId("sales-file").SetInputFilesAsync(sales);
        await Expect(manager.TestId("sales-new")).ToHaveTextAsync("5");
        await manager.TestId("sales-apply").ClickAsync();
        await Expect(manager.TestId("sales-done")).ToBeVisibleAsync();
        var again = Path.Combine(Path.GetDirectoryName(sales)!, "till-again.csv");
        File.Copy(sales, again);
        await manager.TestId("sales-file").SetInputFilesAsync(again);
        await Expect(manager.TestId("sales-skipped")).ToHaveTextAsync("5");
        await Expect(manager.TestId("sales-apply")).ToHaveCountAsync(0);

        await manager.GoToInteractiveAsync("/manage/insights/together");
        var suggestion = manager.Locator("[data-testid=suggestion][data-main=CAFFE][data-other=KETTLE]");
        await Expect(suggestion).ToContainTextAsync("5 of 5");
        await suggestion.TestId("show-baskets").ClickAsync();
        await Expect(manager.TestId("basket")).ToHaveCountAsync(5);
        await manager.ScreenshotAsync("together-1024x768");

        await suggestion.TestId("make-accessory").ClickAsync();
        await manager.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Make accessory" }).ClickAsync();
        await Expect(suggestion).ToHaveCountAsync(0);

        var clerk = await fixture.NewPageAsync(app, 1024, 768);
        await clerk.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("product-search").FillAsync("CAFFE");
        await clerk.TestId("product-search").PressAsync("Enter");
        await Expect(clerk.Locator("[data-testid=accessory][data-sku=KETTLE]")).ToBeVisibleAsync();
        await manager.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }
}
