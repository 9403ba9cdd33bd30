using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog.File;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

/// <summary>
/// No hard-coded text: under a pseudo-language that marks every localized string, each page's visible text (and the
/// placeholders, labels and titles people read) is either marked, product or account data, or numbers and punctuation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PseudoLanguageBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Pseudo-Test-2026";

    private const string VisibleTexts = """
        () => {
            const texts = [document.title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const parent = walker.currentNode.parentElement;
                // <code>: file-format tokens (column names, an ISO date), shown as they are in the file.
                if (!parent || parent.closest('script, style, template, code, [aria-hidden=true]')) continue;
                const style = getComputedStyle(parent);
                if (style.display === 'none' || style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
                texts.push(walker.currentNode.textContent);
            }
            for (const element of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
                if (element.getClientRects().length === 0) continue;
                for (const name of ['placeholder', 'aria-label', 'title']) texts.push(element.getAttribute(name) ?? '');
            }
            return texts.map(t => t.trim()).filter(t => t.length > 0);
        }
        """;

    [Fact]
    public async Task Every_page_shows_only_localized_text_besides_data()
    {
        await using var app = new AppServer(TestCatalog.Csv, services: PseudoLanguage.Use);
        await app.CreateUserAsync("clerk-pseudo@store.test", Password, AppRoles.Clerk);
        await app.CreateUserAsync("manager-pseudo@store.test", Password, AppRoles.Manager);
        var data = DataTexts();
        var leaks = new List<string>();

        var page = await fixture.NewPageAsync(app, 1024, 768);
        await page.GotoAsync("/account/login");
        await CollectAsync(page, "sign-in", data, leaks);
        await page.SignInAsync("clerk-pseudo@store.test", Password);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await CollectAsync(page, "choose", data, leaks);
        await page.TestId("product-search").FillAsync("toaster duo");
        await Expect(page.TestId("product-result")).ToHaveCountAsync(1);
        await CollectAsync(page, "choose, with results", data, leaks);
        await page.TestId("product-result").ClickAsync();
        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await CollectAsync(page, "up-sell", data, leaks);
        await page.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("choose-upsell").ClickAsync();
        await Expect(page.TestId("accessory")).ToHaveCountAsync(1);
        await CollectAsync(page, "accessories", data, leaks);
        await page.TestId("add-accessory").ClickAsync();
        await page.TestId("step-continue").ClickAsync();
        await Expect(page.TestId("basket-uplift")).ToBeVisibleAsync();
        await CollectAsync(page, "summary", data, leaks);
        await page.GotoAsync("/no-such-page");
        await CollectAsync(page, "not found", data, leaks);
        await page.Context.CloseAsync();

        var manager = await fixture.NewPageAsync(app, 1024, 768);
        await manager.SignInAsync("manager-pseudo@store.test", Password);
        await Expect(manager.TestId("product-search")).ToBeVisibleAsync();
        foreach (var path in await BackOfficePages.OfAsync(app))
        {
            await manager.GoToInteractiveAsync(path);
            await Expect(manager.Locator("h1")).ToBeVisibleAsync();
            await CollectAsync(manager, path, data, leaks);
        }
        await manager.Context.CloseAsync();

        Assert.True(leaks.Count == 0, "Text that did not come through the localizer:\n" + string.Join("\n", leaks.Distinct()));
    }

    private static readonly Regex Marked = new($"{PseudoLanguage.Open}[^{PseudoLanguage.Open}{PseudoLanguage.Close}]*{PseudoLanguage.Close}");

    private static async Task CollectAsync(IPage page, string where, IReadOnlyList<string> data, List<string> leaks)
    {
        // In page order: a localized sentence with a link or a value inside is split over several text nodes.
        var all = string.Join("\n", await page.EvaluateAsync<string[]>(VisibleTexts));
        for (var previous = ""; previous != all;)
        {
            previous = all;
            all = Marked.Replace(all, " ");
        }
        foreach (var text in all.Split('\n'))
        {
            var rest = text;
            foreach (var known in data)
            {
                rest = rest.Replace(known, " ", StringComparison.Ordinal);
            }
            // A browser's user agent (signed-in devices) is data too.
            rest = Regex.Replace(rest, @"Mozilla/5\.0 .*", " ");
            if (Regex.IsMatch(rest, @"\p{L}"))
            {
                leaks.Add($"{where}: \"{text.Trim()}\"");
            }
        }
    }

    /// <summary>Text that is data, not interface: the catalog's names and advice, the accounts, the app's name, the languages' own names, the culture's month and day names.</summary>
    private static IReadOnlyList<string> DataTexts()
    {
        var catalog = new CatalogFileReader().Read(System.Text.Encoding.UTF8.GetBytes(TestCatalog.Csv), "test.csv");
        var format = CultureInfo.CurrentCulture.DateTimeFormat;
        IEnumerable<string?> all =
        [
            .. catalog.Entries.SelectMany(e => (string?[])[e.Sku, e.Ean, e.Name, e.Brand, e.Category, e.Family, .. e.TalkingPoints, .. e.Specs.SelectMany(s => (string[])[s.Key, s.Value])]),
            "clerk-pseudo@store.test", "manager-pseudo@store.test", AppServer.ManagerEmail, "Clerk", "Manager", "SalesAssistant",
            .. Languages.All.Select(l => l.NativeName),
            .. format.AbbreviatedMonthNames, .. format.MonthNames, .. format.AbbreviatedDayNames, .. format.DayNames, "AM", "PM",
        ];
        return all.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct().OrderByDescending(t => t.Length).ToList();
    }
}
