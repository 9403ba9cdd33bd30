using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SalesAssistant.LoadTool;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

/// <summary>The sign-in page (a plain form post, so served by the real app): its words and its choice of language.</summary>
public sealed class LoginPageTests
{
    private static HttpClient DeviceOn(AppServer app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public async Task The_page_offers_every_language_by_its_own_name_and_comes_back_in_the_one_chosen()
    {
        await using var app = new AppServer(TestCatalog.Csv);
        var cookies = new CookieContainer();
        using var device = DeviceOn(app, cookies);

        var english = Parse(await device.GetStringAsync("/account/login?returnUrl=%2Fmanage"));

        var nav = english.QuerySelector("nav[aria-label=Language]")!;
        var links = nav.QuerySelectorAll("a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal(Languages.All.Select(l => l.NativeName), links.Select(a => a.TextContent.Trim()));
        Assert.Equal(Languages.All.Select(l => l.Code), links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(Languages.All.Select(l => l.Code), links.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal(["en"], links.Where(a => a.GetAttribute("aria-current") == "true").Select(a => a.GetAttribute("lang")));
        var polishLink = english.QuerySelector("[data-testid=login-language-pl]")!.GetAttribute("href")!;
        Assert.Equal(LanguageEndpoints.PathFor("pl", "/account/login?returnUrl=%2Fmanage"), polishLink);

        using var choice = await device.GetAsync(polishLink);
        Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fmanage", choice.Headers.Location?.OriginalString);
        var polish = Parse(await device.GetStringAsync(choice.Headers.Location));

        Assert.Equal("pl", polish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Logowanie · SalesAssistant", polish.Title);
        Assert.Equal("Zaloguj się", polish.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Hasło", polish.QuerySelector("label[for=password]")!.TextContent.Trim());
        Assert.NotNull(polish.QuerySelector("nav[aria-label=Język]"));
        Assert.Equal("true", polish.QuerySelector("[data-testid=login-language-pl]")!.GetAttribute("aria-current"));
        Assert.Null(polish.QuerySelector("[data-testid=login-language-en]")!.GetAttribute("aria-current"));
        // The frame of every page speaks it too: the dialog shown while the connection is lost.
        Assert.Equal("Utracono połączenie", polish.QuerySelector("#components-reconnect-modal")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_refused_sign_in_is_announced_in_the_devices_language()
    {
        await using var app = new AppServer(TestCatalog.Csv);
        var cookies = new CookieContainer();
        cookies.Add(app.BaseAddress, new Cookie(LanguageCookie.Name, "it"));
        using var device = DeviceOn(app, cookies);
        var fields = AppTarget.HiddenInputs(await device.GetStringAsync("/account/login"));
        fields["Input.Email"] = AppServer.ManagerEmail;
        fields["Input.Password"] = "not-the-password";

        using var refused = await device.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        var page = Parse(await refused.Content.ReadAsStringAsync());
        var error = page.QuerySelector("[data-testid=login-error]")!;
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.StartsWith("L’email o la password non sono corrette", error.TextContent.Trim());
    }
}
