using System.Net;
using SalesAssistant.LoadTool;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

/// <summary>Sign-out really ends the session: it needs the page's antiforgery token, and a saved cookie opens nothing after it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture fixture)
{
    private sealed class Device : IDisposable
    {
        public CookieContainer Cookies { get; } = new();
        public HttpClient Http { get; }

        public Device(Uri baseAddress) =>
            Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

        public async Task SignInAsync(string email, string password)
        {
            var fields = AppTarget.HiddenInputs(await Http.GetStringAsync("/account/login"));
            fields["Input.Email"] = email;
            fields["Input.Password"] = password;
            using var response = await Http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        public Cookie AuthCookie => Cookies.GetAllCookies().Single(c => c.Name.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));

        public void Dispose() => Http.Dispose();
    }

    private static async Task<HttpStatusCode> OpenCounterWithAsync(Uri baseAddress, Cookie auth)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{auth.Name}={auth.Value}");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_sign_out_posted_without_the_pages_token_is_refused_and_the_device_stays_signed_in()
    {
        using var device = new Device(fixture.App.BaseAddress);
        await device.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);

        using var forged = await device.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await OpenCounterWithAsync(fixture.App.BaseAddress, device.AuthCookie));
    }

    [Fact]
    public async Task After_signing_out_a_saved_copy_of_the_cookie_opens_nothing()
    {
        using var device = new Device(fixture.App.BaseAddress);
        await device.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        var saved = device.AuthCookie;
        var page = await device.Http.GetStringAsync("/");
        var token = AppTarget.HiddenInputs(page).Where(f => f.Key == "__RequestVerificationToken").Select(f => f.Value).First();

        using var signOut = await device.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await OpenCounterWithAsync(fixture.App.BaseAddress, saved));
    }

    [Fact]
    public async Task Signing_in_on_a_device_still_signed_in_closes_that_session_first()
    {
        using var device = new Device(fixture.App.BaseAddress);
        await device.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        var clerksCookie = device.AuthCookie;

        var fields = AppTarget.HiddenInputs(await device.Http.GetStringAsync("/account/login"));
        fields["Input.Email"] = AppServer.ManagerEmail;
        fields["Input.Password"] = AppServer.ManagerPassword;
        using var over = await device.Http.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Contains(WebUtility.HtmlEncode(SalesAssistant.Accounts.LoginPage.StillSignedIn), await over.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, await OpenCounterWithAsync(fixture.App.BaseAddress, clerksCookie));
        await device.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        Assert.NotEqual(clerksCookie.Value, device.AuthCookie.Value);
        Assert.Equal(HttpStatusCode.Redirect, await OpenCounterWithAsync(fixture.App.BaseAddress, clerksCookie));
    }

    [Fact]
    public async Task A_manager_signs_a_clerks_device_out_from_the_staff_page()
    {
        await fixture.App.CreateClerkAsync("gil@store.test", "Gil-Test-2026");
        using var tablet = new Device(fixture.App.BaseAddress);
        await tablet.SignInAsync("gil@store.test", "Gil-Test-2026");
        Assert.Equal(HttpStatusCode.OK, await OpenCounterWithAsync(fixture.App.BaseAddress, tablet.AuthCookie));

        var manager = await fixture.NewPageAsync(1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.GoToInteractiveAsync("/manage/staff");
        var row = manager.Locator("[data-testid=session][data-email='gil@store.test']");
        await Microsoft.Playwright.Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid=end-session]").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(row).ToHaveCountAsync(0);
        await manager.Context.CloseAsync();

        Assert.Equal(HttpStatusCode.Redirect, await OpenCounterWithAsync(fixture.App.BaseAddress, tablet.AuthCookie));
    }
}
