using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CounterFlowBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1024, 768)]
    [InlineData(DatabaseProvider.Sqlite, 768, 1024)]
    [InlineData(DatabaseProvider.Postgres, 1024, 768)]
    [InlineData(DatabaseProvider.Postgres, 768, 1024)]
    public async Task A_clerk_walks_the_whole_flow_and_a_reload_resumes_where_they_were(DatabaseProvider provider, int width, int height)
    {
        var app = await fixture.AppOnAsync(provider);
        var page = await fixture.NewClerkPageAsync(app, width, height);
        var otherHosts = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                otherHosts.Add(request.Url);
            }
        };
        var size = $"{width}x{height}" + (provider == DatabaseProvider.Postgres ? "-postgres" : "");

        // Choose
        await page.GoToInteractiveAsync("/");
        await page.TestId("product-search").FillAsync("toaster duo");
        await Expect(page.TestId("product-result")).ToHaveCountAsync(1);
        await page.ScreenshotAsync($"1-choose-{size}");
        await page.TestId("product-result").ClickAsync();

        // Up-sell
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/consultation/[0-9a-f-]{36}$"));
        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await Expect(page.TestId("baseline-product")).ToContainTextAsync("Toaster Duo");
        await Expect(page.TestId("price-delta").First).ToHaveAttributeAsync("data-value", "60.00");
        await Expect(page.TestId("price-delta").First).ToHaveTextAsync("+€60.00");
        await Expect(page.TestId("stop-prompt")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"2-upsell-{size}");
        await page.TestId("reaction-positive").ClickAsync();
        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("choose-upsell").ClickAsync();

        // Accessories, with a reload in the middle
        await Expect(page.TestId("accessory")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("accessory")).ToHaveAttributeAsync("data-sku", "CRUMB");
        await Expect(page.TestId("basket-line")).ToHaveAttributeAsync("data-sku", "TOAST-4");
        await page.TestId("add-accessory").ClickAsync();
        await Expect(page.TestId("basket-total")).ToHaveAttributeAsync("data-value", "105.50");
        await page.ScreenshotAsync($"3-accessories-{size}");
        await page.TestId("step-continue").ClickAsync();

        // Summary
        await Expect(page.TestId("basket-uplift")).ToHaveAttributeAsync("data-value", "65.50");
        await Expect(page.TestId("basket-line")).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await page.ScreenshotAsync($"4-summary-{size}");
        var consultationId = Guid.Parse(page.Url.Split('/').Last());
        await page.TestId("finish-consultation").ClickAsync();
        await page.TestId("next-customer").ClickAsync();
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();

        Assert.Empty(otherHosts);
        await using var db = app.CreateDbContext();
        var recorded = await db.Consultations.Include(c => c.Lines).SingleAsync(c => c.Id == consultationId);
        Assert.Equal((ConsultationStep.Finished, UpsellOutcome.Accepted), (recorded.Step, recorded.UpsellOutcome));
        Assert.Equal(10550, recorded.Lines.Sum(l => l.UnitPriceMinor));
        Assert.Contains(await db.Reactions.Where(r => r.ConsultationId == consultationId).Select(r => r.Reaction).ToListAsync(), r => r == CustomerReaction.Positive);
        await page.Context.CloseAsync();
    }

    [Theory, BothDatabases]
    public async Task A_scanned_barcode_opens_the_product_and_a_negative_reaction_stops_the_upsell_at_once(DatabaseProvider provider)
    {
        var page = await fixture.NewClerkPageAsync(await fixture.AppOnAsync(provider), 1024, 768);
        await page.GoToInteractiveAsync("/");

        await page.TestId("product-search").PressSequentiallyAsync("4006381333931");
        await page.TestId("product-search").PressAsync("Enter");

        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await page.TestId("reaction-negative").ClickAsync();
        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(0);
        await Expect(page.TestId("upsell-stopped")).ToBeVisibleAsync();
        await Expect(page.TestId("basket-line")).ToHaveAttributeAsync("data-sku", "TOAST-2");
        await Expect(page.TestId("accessory")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Theory, BothDatabases]
    public async Task A_lost_connection_resumes_the_consultation_in_a_new_circuit(DatabaseProvider provider)
    {
        var app = await fixture.AppOnAsync(provider);
        var first = await fixture.NewClerkPageAsync(app, 1024, 768);
        await first.GoToInteractiveAsync("/");
        await first.TestId("product-search").FillAsync("caffe");
        await first.TestId("product-result").ClickAsync();
        await first.TestId("add-accessory").ClickAsync();
        await Expect(first.TestId("basket-line")).ToHaveCountAsync(2);
        var url = first.Url;
        await first.Context.CloseAsync();

        var second = await fixture.NewClerkPageAsync(app, 768, 1024);
        await second.GoToInteractiveAsync(url);

        await Expect(second.TestId("no-upsell")).ToBeVisibleAsync();
        await Expect(second.TestId("accessory")).ToHaveAttributeAsync("data-in-basket", "true");
        await Expect(second.TestId("basket-total")).ToHaveAttributeAsync("data-value", "312.00");
        await second.Context.CloseAsync();
    }
}
