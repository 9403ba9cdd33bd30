using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

/// <summary>A chain's setup (two app servers on PostgreSQL behind nginx): an app server that dies costs a tablet a reconnect, nothing more.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FailoverBrowserTests(BrowserFixture fixture)
{
    private static string ServedBy(IResponse response) => response.Headers.GetValueOrDefault(NginxProxy.ServedByHeader.ToLowerInvariant(), "");

    [Fact]
    public async Task When_the_app_server_of_a_consultation_dies_the_tablet_reconnects_through_nginx_to_the_other_and_resumes_signed_in()
    {
        await using var chain = await ServersBehindNginx.StartAsync(TestCatalog.Csv);
        var page = await fixture.NewPageAsync(chain.Proxy.HttpsAddress, 1024, 768, trustAnyCertificate: true);
        // Which server holds the page's circuit: the one that answered the negotiation of its WebSocket.
        var circuitServer = "";
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal))
            {
                circuitServer = ServedBy(response);
            }
        };
        await page.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await Expect(page.TestId("product-search")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        // A consultation under way: up-sold to TOAST-4, now on the accessories step.
        await page.TestId("product-search").FillAsync("toaster duo");
        await page.TestId("product-result").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consultation/[0-9a-f-]{36}$"));
        await page.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("choose-upsell").ClickAsync();
        await Expect(page.TestId("accessory")).ToHaveAttributeAsync("data-sku", "CRUMB");
        await Expect(page.TestId("basket-line")).ToHaveAttributeAsync("data-sku", "TOAST-4");
        var consultation = page.Url;
        var serving = chain.ServerNamed(circuitServer);
        var other = chain.Servers.Single(s => s != serving);

        // The page finds its connection gone, reconnects through nginx, reaches the other server (which never had
        // its circuit) and reloads from there.
        var reloaded = await page.RunAndWaitForResponseAsync(serving.KillAsync,
            response => response.Request.ResourceType == "document" && response.Ok && chain.ServerNamed(ServedBy(response)) == other,
            new PageRunAndWaitForResponseOptions { Timeout = 60_000 });
        await page.WaitForInteractiveAsync();

        Assert.Equal(consultation, reloaded.Url);
        await Expect(page).ToHaveURLAsync(consultation);
        await Expect(page.TestId("accessory")).ToHaveAttributeAsync("data-sku", "CRUMB");
        await Expect(page.TestId("basket-line")).ToHaveAttributeAsync("data-sku", "TOAST-4");
        await Expect(page.TestId("sign-out")).ToHaveAttributeAsync("title", AppServer.ManagerEmail);
        // And it carries on there: the next step is saved by the other server.
        await page.TestId("add-accessory").ClickAsync();
        await Expect(page.TestId("basket-total")).ToHaveAttributeAsync("data-value", "105.50");
        Assert.True(serving.HasExited);
        await page.Context.CloseAsync();
    }
}
