using Microsoft.Playwright;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/manage")]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page(string path)
    {
        var page = await fixture.NewPageAsync(1024, 768);

        await page.GotoAsync(path);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clerk_opening_manage_is_refused()
    {
        var page = await fixture.NewClerkPageAsync(1024, 768);

        var response = await page.GotoAsync("/manage");

        await Expect(page.TestId("access-denied")).ToBeVisibleAsync();
        Assert.DoesNotContain("/manage", page.Url, StringComparison.Ordinal);
        await Expect(page.TestId("manage-link")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_fifth_locks_the_account()
    {
        const string email = "lockout@store.test";
        await fixture.App.CreateClerkAsync(email, "Lockout-Test-2026");
        var page = await fixture.NewPageAsync(768, 1024);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.SignInAsync(email, "wrong-password-" + attempt);
            await Expect(page.TestId("login-error")).ToBeVisibleAsync();
        }
        await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);

        // Locked: the right password is refused with the same words as a wrong one (nothing tells an attacker it is locked).
        await page.SignInAsync(email, "Lockout-Test-2026");
        await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);
        Assert.True(await fixture.App.IsLockedOutAsync(email));
        await page.ScreenshotAsync("sign-in-locked-768x1024");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_disabled_clerk_is_signed_out_of_a_working_tablet_within_the_session_check_interval()
    {
        await using var app = new AppServer(TestCatalog.Csv, new Dictionary<string, string?> { ["Accounts:SessionCheckInterval"] = "00:00:02" });
        await app.CreateClerkAsync("dora@store.test", "Dora-Test-2026");
        var tablet = await fixture.NewPageAsync(app, 1024, 768);
        await tablet.SignInAsync("dora@store.test", "Dora-Test-2026");
        await Expect(tablet.TestId("product-search")).ToBeVisibleAsync();
        await tablet.WaitForInteractiveAsync();
        var other = await fixture.NewPageAsync(app, 768, 1024);
        await other.SignInAsync("dora@store.test", "Dora-Test-2026");
        await Expect(other.TestId("product-search")).ToBeVisibleAsync();

        await app.DisableAsync("dora@store.test");

        // The open circuit is checked again within the interval and sends the tablet to the sign-in page…
        await Expect(tablet).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        // …and the cookie of the other device, checked on its next request, no longer opens a page.
        await other.GotoAsync("/");
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await tablet.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var page = await fixture.NewPageAsync(1024, 768);

        await page.SignInAsync("nobody@store.test", "whatever-2026");
        await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);
        await page.SignInAsync(AppServer.ClerkEmail, "not-the-password");
        await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task After_ten_failed_sign_ins_in_a_minute_an_address_is_answered_429_even_with_the_right_password()
    {
        await using var app = new AppServer(TestCatalog.Csv);
        await app.CreateClerkAsync("eve@store.test", "Eve-Test-2026");
        var page = await fixture.NewPageAsync(app, 1024, 768);
        for (var attempt = 1; attempt <= SalesAssistant.Accounts.SignInThrottle.MaxFailures; attempt++)
        {
            // Different accounts, so no single account's lockout is what stops them.
            await page.SignInAsync($"guess{attempt}@store.test", "wrong-password");
            await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);
        }

        var response = await page.RunAndWaitForResponseAsync(() => page.SignInAsync("eve@store.test", "Eve-Test-2026"),
            r => r.Url.Contains("/account/login", StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.Equal(429, response.Status);
        await Expect(page.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.TooManyAttempts);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clerk_signs_out()
    {
        var page = await fixture.NewClerkPageAsync(1024, 768);
        await page.WaitForInteractiveAsync();

        await page.TestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }
}
