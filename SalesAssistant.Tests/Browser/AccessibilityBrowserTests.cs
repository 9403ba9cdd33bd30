using Microsoft.Playwright;
using SalesAssistant.Accounts;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

/// <summary>axe-core finds nothing serious or critical on any page, in any language; the counter flow works with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Accessible-Test-2026";

    public static TheoryData<string> AllLanguages => new(Languages.All.Select(l => l.Code));

    /// <summary>A page whose device shows <paramref name="language"/>, signed in as a new account of <paramref name="role"/> (its own, so no other test's user changes language).</summary>
    private async Task<IPage> SignedInPageAsync(string language, string role, int width = 1024, int height = 768)
    {
        var email = $"{role.ToLowerInvariant()}-{language}-{Guid.NewGuid():N}@store.test";
        await fixture.App.CreateUserAsync(email, Password, role);
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync(LanguageEndpoints.PathFor(language, "/account/login"));
        await page.SignInAsync(email, Password);
        await Expect(page.Locator($"html[lang={language}]")).ToHaveCountAsync(1);
        return page;
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Every_counter_page_passes_axe(string language)
    {
        var signIn = await fixture.NewPageAsync(768, 1024);
        await signIn.GotoAsync(LanguageEndpoints.PathFor(language, "/account/login"));
        await signIn.AssertAccessibleAsync("the sign-in page");
        await signIn.GotoAsync("/no-such-page");
        await signIn.AssertAccessibleAsync("the not-found page");
        await signIn.Context.CloseAsync();

        var page = await SignedInPageAsync(language, AppRoles.Clerk, 768, 1024);
        await page.GoToInteractiveAsync("/");
        await page.AssertAccessibleAsync("choose");
        await page.TestId("product-search").FillAsync("toaster duo");
        await Expect(page.TestId("product-result")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync("choose, with results");
        await page.TestId("product-result").ClickAsync();
        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync("up-sell");
        await page.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("choose-upsell").ClickAsync();
        await Expect(page.TestId("accessory")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync("accessories");
        await page.TestId("add-accessory").ClickAsync();
        await page.TestId("step-continue").ClickAsync();
        await Expect(page.TestId("basket-uplift")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("summary");
        await page.GotoAsync("/manage");
        await Expect(page.TestId("access-denied")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("access denied");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Every_back_office_page_passes_axe(string language)
    {
        var page = await SignedInPageAsync(language, AppRoles.Manager);
        foreach (var path in await BackOfficePages.OfAsync(fixture.App))
        {
            await page.GoToInteractiveAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync(path);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clerk_walks_a_whole_consultation_with_the_keyboard_alone()
    {
        var page = await SignedInPageAsync(Languages.English, AppRoles.Clerk, 768, 1024);
        await page.GoToInteractiveAsync("/");

        await TabToAsync(page, "product-search");
        await page.Keyboard.TypeAsync("toaster duo");
        await Expect(page.TestId("product-result")).ToHaveCountAsync(1);
        await TabToAsync(page, "product-result");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.TestId("upsell-option")).ToHaveCountAsync(2);
        await TabToAsync(page, "reaction-positive");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "choose-upsell");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.TestId("accessory")).ToHaveCountAsync(1);
        await TabToAsync(page, "add-accessory");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.TestId("basket-line")).ToHaveCountAsync(2);
        await TabToAsync(page, "step-continue");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.TestId("basket-uplift")).ToBeVisibleAsync();
        await TabToAsync(page, "finish-consultation");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "next-customer");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focus is on (or inside) the element of <paramref name="testId"/>, and checks the focus is visible there.</summary>
    private static async Task TabToAsync(IPage page, string testId)
    {
        const string focused = "id => { const e = document.activeElement; return !!e && !!e.closest(`[data-testid='${id}']`) }";
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>(focused, testId))
            {
                var visible = await page.EvaluateAsync<bool>("""
                    () => { const e = document.activeElement; const s = getComputedStyle(e);
                            return e.matches(':focus-visible') && (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none'); }
                    """);
                Assert.True(visible, $"the focus on {testId} is not visible");
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {testId}");
    }
}
