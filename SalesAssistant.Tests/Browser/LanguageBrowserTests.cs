using Microsoft.Playwright;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

/// <summary>A store set to another language shows every step in it, demo products included; a user's own choice follows them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Language-Test-2026";

    public static TheoryData<string, int, int> StoreLanguagesAndTablets => new()
    {
        { "pl", 768, 1024 }, { "pl", 1024, 768 }, { "it", 768, 1024 }, { "it", 1024, 768 },
    };

    [Theory]
    [MemberData(nameof(StoreLanguagesAndTablets))]
    public async Task A_store_in_another_language_walks_the_whole_counter_flow_in_it(string language, int width, int height)
    {
        await using var app = new AppServer(catalogCsv: null, new Dictionary<string, string?> { ["Store:Language"] = language });
        await app.CreateClerkAsync("clerk@store.test", Password);
        var demo = new CatalogFileReader().Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, CatalogOptions.DemoCatalogFor(language))), "demo");
        var baseline = demo.Entries.Single(e => e.Sku == "CAM-ALP-100");
        var size = $"{language}-{width}x{height}";
        var page = await fixture.NewPageAsync(app, width, height);

        await page.GotoAsync("/account/login");
        await Expect(page.Locator($"html[lang={language}]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync($"lang-0-sign-in-{size}");
        await page.SignInAsync("clerk@store.test", Password);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator($"html[lang={language}]")).ToHaveCountAsync(1);

        await page.TestId("product-search").FillAsync("Alpina C100");
        await Expect(page.TestId("product-result").First).ToContainTextAsync(baseline.Name);
        await CheckStepAsync(page, $"lang-1-choose-{size}");
        await page.TestId("product-result").First.ClickAsync();

        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await Expect(page.TestId("baseline-product")).ToContainTextAsync(baseline.Name);
        await Expect(page.TestId("stop-prompt")).ToBeVisibleAsync();
        await CheckStepAsync(page, $"lang-2-upsell-{size}");
        await page.TestId("reaction-positive").ClickAsync();
        await page.TestId("choose-upsell").First.ClickAsync();

        await Expect(page.TestId("accessory").First).ToBeVisibleAsync();
        await CheckStepAsync(page, $"lang-3-accessories-{size}");
        await page.TestId("add-accessory").First.ClickAsync();
        await Expect(page.TestId("basket-line")).ToHaveCountAsync(2);
        await page.TestId("step-continue").ClickAsync();

        await Expect(page.TestId("basket-uplift")).ToBeVisibleAsync();
        await CheckStepAsync(page, $"lang-4-summary-{size}");
        await page.TestId("finish-consultation").ClickAsync();
        await page.TestId("next-customer").ClickAsync();
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task CheckStepAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(screenshot);
        await page.AssertAccessibleAsync(screenshot);
        Assert.Empty(await page.SmallTouchTargetsAsync());
    }

    [Fact]
    public async Task A_users_language_is_saved_on_the_account_and_comes_back_at_the_next_sign_in()
    {
        await fixture.App.CreateClerkAsync("polyglot@store.test", Password);
        var page = await fixture.NewPageAsync(1024, 768);
        await page.SignInAsync("polyglot@store.test", Password);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("html[lang=en]")).ToHaveCountAsync(1);

        await page.TestId("language-menu").ClickAsync();
        await page.TestId("language-pl").ClickAsync();
        await Expect(page.Locator("html[lang=pl]")).ToHaveCountAsync(1);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();

        await page.WaitForInteractiveAsync();
        await page.TestId("sign-out").ClickAsync();
        // Signed out, the tablet shows the store's language to whoever comes next.
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await Expect(page.Locator("html[lang=en]")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();

        // Another device: the account's language comes with the sign-in.
        var other = await fixture.NewPageAsync(768, 1024);
        await other.SignInAsync("polyglot@store.test", Password);
        await Expect(other.TestId("product-search")).ToBeVisibleAsync();
        await Expect(other.Locator("html[lang=pl]")).ToHaveCountAsync(1);
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_offers_every_language_and_a_choice_there_is_kept_by_a_user_who_had_none()
    {
        await fixture.App.CreateClerkAsync("newcomer@store.test", Password);
        var page = await fixture.NewPageAsync(768, 1024);
        await page.GotoAsync("/account/login");
        foreach (var language in Languages.All)
        {
            await Expect(page.TestId($"login-language-{language.Code}")).ToHaveTextAsync(language.NativeName);
        }

        await page.TestId("login-language-nl").ClickAsync();
        await Expect(page.Locator("html[lang=nl]")).ToHaveCountAsync(1);
        await page.SignInAsync("newcomer@store.test", Password);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await Expect(page.Locator("html[lang=nl]")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();

        var other = await fixture.NewPageAsync(1024, 768);
        await other.SignInAsync("newcomer@store.test", Password);
        await Expect(other.Locator("html[lang=nl]")).ToHaveCountAsync(1);
        await other.Context.CloseAsync();
    }
}
