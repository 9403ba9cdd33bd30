using System.Net;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Components;

/// <summary>The app behind a reverse proxy: which forwarded headers it believes, HSTS and Secure cookies, host filtering.</summary>
public sealed class FrontDoorTests
{
    private static async Task<HttpResponseMessage> GetAsync(AppServer app, string path, string? forwardedProto = null, string? host = null)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return await http.SendAsync(request);
    }

    private static string SetCookies(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);

    [Fact]
    public async Task Behind_a_known_proxy_that_says_https_the_response_has_hsts_and_secure_cookies()
    {
        await using var app = new AppServer(TestCatalog.Csv, new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" });

        // HSTS leaves out localhost addresses: the shop's name, as a proxy passes it on.
        using var response = await GetAsync(app, "/account/login", forwardedProto: "https", host: "counter.shop.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("; secure", SetCookies(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_named_as_a_proxy_are_not_believed()
    {
        await using var app = new AppServer(TestCatalog.Csv, new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "10.9.9.9" });

        using var response = await GetAsync(app, "/account/login", forwardedProto: "https", host: "counter.shop.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.NotEmpty(SetCookies(response));
        Assert.DoesNotContain("; secure", SetCookies(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_for_a_host_not_in_allowed_hosts_is_refused()
    {
        await using var app = new AppServer(TestCatalog.Csv, new Dictionary<string, string?> { ["AllowedHosts"] = "counter.shop.example" });

        using var refused = await GetAsync(app, "/account/login");
        using var allowed = await GetAsync(app, "/account/login", host: "counter.shop.example");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
