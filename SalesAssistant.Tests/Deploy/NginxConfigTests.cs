using System.Net;
using SalesAssistant.LoadTool;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Deploy;

/// <summary>
/// The shipped deploy/nginx.conf in front of two app servers: HTTPS ends at nginx and the app still knows the request
/// was HTTPS (Secure cookies, no redirect loop), plain HTTP is sent to HTTPS, and a browser sticks to one app server
/// until that one stops answering.
/// </summary>
public sealed class NginxConfigTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> BehindTheProxy = new() { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" };

    private AppServer first = null!;
    private AppServer second = null!;
    private NginxProxy proxy = null!;

    public async ValueTask InitializeAsync()
    {
        first = new AppServer(TestCatalog.Csv, BehindTheProxy);
        second = new AppServer(TestCatalog.Csv, BehindTheProxy);
        proxy = await NginxProxy.StartAsync(first.BaseAddress.Port, second.BaseAddress.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await proxy.DisposeAsync();
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    /// <summary>A tablet's browser: its own cookies, redirects not followed, the proxy's throwaway certificate accepted.</summary>
    private HttpClient Browser(CookieContainer cookies, Uri? address = null) => new(new HttpClientHandler
    {
        CookieContainer = cookies,
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = address ?? proxy.HttpsAddress };

    private static string SetCookies(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);

    private static string ServedBy(HttpResponseMessage response) => string.Join(",", response.Headers.GetValues(NginxProxy.ServedByHeader));

    [Fact]
    public async Task Plain_http_is_sent_to_the_same_address_on_https()
    {
        using var browser = Browser(new CookieContainer(), proxy.HttpAddress);

        using var response = await browser.GetAsync("/consultation/00000000-0000-0000-0000-000000000001?step=2");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://127.0.0.1/consultation/00000000-0000-0000-0000-000000000001?step=2", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Through_the_proxy_the_app_takes_requests_for_https_marks_its_cookies_secure_and_a_signed_in_tablet_gets_its_page()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);

        using var signInPage = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        // nginx's own cookie (which app server) and the app's antiforgery cookie, both Secure: the app saw X-Forwarded-Proto.
        Assert.Matches("(?im)^sa_server=[^;]+;.*; Secure", SetCookies(signInPage));
        Assert.Matches("(?im)^\\.AspNetCore\\.Antiforgery\\.[^=]+=.*; secure", SetCookies(signInPage));
        var fields = AppTarget.HiddenInputs(await signInPage.Content.ReadAsStringAsync());
        fields["Input.Email"] = AppServer.ManagerEmail;
        fields["Input.Password"] = AppServer.ManagerPassword;

        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Matches("(?im)^\\.AspNetCore\\.Identity\\.Application=.*; secure", SetCookies(signedIn));

        // Followed by hand, one hop at a time: an app that took the request for HTTP would send it round to HTTPS again.
        using var counter = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, counter.StatusCode);
        Assert.Contains("product-search", await counter.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_sticks_to_one_app_server_and_moves_to_the_other_when_its_own_stops()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        using var firstResponse = await browser.GetAsync("/account/login");
        var own = ServedBy(firstResponse);

        for (var request = 0; request < 10; request++)
        {
            using var response = await browser.GetAsync("/account/login");
            Assert.Equal(own, ServedBy(response));
            Assert.DoesNotContain("sa_server=", SetCookies(response));
        }
        var (stopping, other) = own.EndsWith($":{first.BaseAddress.Port}", StringComparison.Ordinal) ? (first, second) : (second, first);
        await stopping.DisposeAsync();

        using var movedOver = await browser.GetAsync("/account/login");
        using var staysThere = await browser.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, movedOver.StatusCode);
        Assert.EndsWith($"127.0.0.1:{other.BaseAddress.Port}", ServedBy(movedOver));
        Assert.Equal(HttpStatusCode.OK, staysThere.StatusCode);
        Assert.Equal($"127.0.0.1:{other.BaseAddress.Port}", ServedBy(staysThere));
    }
}
