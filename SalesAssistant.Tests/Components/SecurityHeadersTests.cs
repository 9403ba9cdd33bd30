using Microsoft.Playwright;
using SalesAssistant.Components;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Components;

[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/manage/export")]
    [InlineData("/favicon.svg")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };

        using var response = await http.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'self'", SecurityHeaders.ContentSecurityPolicy);
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", string.Join(",", response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task A_whole_consultation_and_the_back_office_work_under_the_policy()
    {
        var before = fixture.CspViolations.Count;
        var clerk = await fixture.NewClerkPageAsync(1024, 768);
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("product-search").FillAsync("toaster duo");
        await clerk.TestId("product-result").ClickAsync();
        await Expect(clerk.TestId("upsell-option").First).ToBeVisibleAsync();
        await clerk.TestId("keep-original").ClickAsync();
        await Expect(clerk.TestId("main-product")).ToBeVisibleAsync();
        await clerk.Context.CloseAsync();

        var manager = await fixture.NewPageAsync(1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        foreach (var path in new[] { "/manage", "/manage/families", "/manage/import", "/manage/staff", "/manage/insights", "/manage/sales-import" })
        {
            await manager.GoToInteractiveAsync(path);
            await Expect(manager.TestId("manage-nav")).ToBeVisibleAsync();
        }
        await manager.Context.CloseAsync();

        Assert.Equal(before, fixture.CspViolations.Count);
    }
}
