using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.LoadTool;

/// <summary>
/// A whole consultation in a signed-in page on <c>/</c>, by the data-testids the browser tests use:
/// search, open the product, react, choose the up-sell, add an accessory, summary, finish, next customer.
/// </summary>
internal static partial class FullConsultation
{
    public static async Task RunAsync(IPage page, CatalogProduct product, float timeoutMs = 60_000)
    {
        var wait = new LocatorAssertionsToHaveCountOptions { Timeout = timeoutMs };
        await page.TestId("product-search").FillAsync(product.Name, new LocatorFillOptions { Timeout = timeoutMs });
        await page.Locator($"[data-testid=product-result][data-sku='{product.Sku}']").ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });

        // Up-sell (the consultation page, reached by in-circuit navigation): react, then choose the first better product.
        await page.TestId("upsell-option").First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeoutMs });
        if (!ConsultationUrl().IsMatch(page.Url))
        {
            throw new PlaywrightException($"Expected a consultation page, at {page.Url}.");
        }
        await page.TestId("reaction-positive").ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });
        await page.TestId("choose-upsell").First.ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });

        // Accessories: add one, go to the basket.
        await page.TestId("add-accessory").First.ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });
        await Expect(page.TestId("basket-line")).ToHaveCountAsync(2, wait);
        await page.TestId("step-continue").ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });

        // Summary: finish, next customer.
        await page.TestId("finish-consultation").ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });
        await page.TestId("consultation-finished").WaitForAsync(new LocatorWaitForOptions { Timeout = timeoutMs });
        await page.TestId("next-customer").ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });
        await page.TestId("product-search").WaitForAsync(new LocatorWaitForOptions { Timeout = timeoutMs });
    }

    [GeneratedRegex("/consultation/[0-9a-f-]{36}$")]
    private static partial Regex ConsultationUrl();
}
