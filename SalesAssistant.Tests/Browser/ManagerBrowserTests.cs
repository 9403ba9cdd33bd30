using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SalesAssistant.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ManagerBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_manager_rewrites_a_talking_point_and_the_clerk_sees_the_new_text_at_once()
    {
        var manager = await fixture.NewPageAsync(1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.WaitForInteractiveAsync();
        await manager.TestId("manage-link").ClickAsync();
        await manager.TestId("advice-search").FillAsync("quattro");
        await Expect(manager.TestId("advice-product")).ToHaveCountAsync(2);
        await manager.ScreenshotAsync("manage-products-1024x768");
        await manager.Locator("[data-testid=advice-product][data-sku=TOAST-4]").ClickAsync();

        await Expect(manager.TestId("managed-talking-point")).ToHaveCountAsync(2);
        await manager.TestId("edit-talking-point").First.ClickAsync();
        await manager.TestId("managed-talking-point").First.Locator("textarea").FillAsync("Four slices at once: the whole family eats together");
        await manager.TestId("managed-talking-point").First.TestId("talking-point-save").ClickAsync();
        await Expect(manager.TestId("managed-talking-point-text").First).ToHaveTextAsync("Four slices at once: the whole family eats together");
        await Expect(manager.TestId("history-row")).ToHaveCountAsync(1);
        await manager.ScreenshotAsync("manage-talking-points-1024x768");

        var clerk = await fixture.NewClerkPageAsync(768, 1024);
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("product-search").FillAsync("toaster duo");
        await clerk.TestId("product-result").ClickAsync();
        await Expect(clerk.Locator("[data-testid=upsell-option][data-sku=TOAST-4]").TestId("talking-point").First)
            .ToHaveTextAsync("Four slices at once: the whole family eats together");

        await manager.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_adds_a_clerk_who_signs_in_and_disables_them_again()
    {
        var manager = await fixture.NewPageAsync(768, 1024);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        foreach (var path in new[] { "/manage", "/manage/families", "/manage/import" })
        {
            await manager.GoToInteractiveAsync(path);
            await Expect(manager.TestId("manage-nav")).ToBeVisibleAsync();
            Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 768 px");
        }
        await manager.TestId("advice-search").Or(manager.TestId("import-file")).First.WaitForAsync();
        await manager.GoToInteractiveAsync("/manage");
        await Expect(manager.TestId("edit-product").First).ToBeVisibleAsync();
        await manager.ScreenshotAsync("manage-products-768x1024");
        await manager.GoToInteractiveAsync("/manage/staff");
        await manager.TestId("clerk-name").FillAsync("Bea");
        await manager.TestId("clerk-email").FillAsync("bea@store.test");
        await manager.TestId("clerk-password").FillAsync("short");
        await manager.TestId("add-clerk").ClickAsync();
        await Expect(manager.GetByText("At least 10 characters.")).ToBeVisibleAsync();
        await manager.TestId("clerk-password").FillAsync("Bea-Counter-2026");
        await manager.TestId("add-clerk").ClickAsync();
        await Expect(manager.Locator("[data-testid=staff-member][data-email='bea@store.test']")).ToBeVisibleAsync();
        await manager.ScreenshotAsync("manage-staff-768x1024");

        var bea = await fixture.NewPageAsync(1024, 768);
        await bea.SignInAsync("bea@store.test", "Bea-Counter-2026");
        await Expect(bea.TestId("product-search")).ToBeVisibleAsync();

        await manager.Locator("[data-testid=staff-member][data-email='bea@store.test']").TestId("disable-clerk").ClickAsync();
        await Expect(manager.Locator("[data-testid=staff-member][data-email='bea@store.test']")).ToContainTextAsync("Disabled");
        var again = await fixture.NewPageAsync(1024, 768);
        await again.SignInAsync("bea@store.test", "Bea-Counter-2026");
        // Refused with the words every refused sign-in gets (nothing tells a stranger the account exists but is disabled).
        await Expect(again.TestId("login-error")).ToHaveTextAsync(SalesAssistant.Accounts.LoginPage.Refused);
        await again.GotoAsync("/");
        await Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await manager.Context.CloseAsync();
        await bea.Context.CloseAsync();
        await again.Context.CloseAsync();
    }

    /// <summary>The manager's round trip, on either database: a file imported after its dry run, the catalog exported.</summary>
    [Theory, BothDatabases]
    public async Task A_manager_imports_a_file_after_a_dry_run_and_a_bad_file_changes_nothing(DatabaseProvider provider)
    {
        var app = await fixture.AppOnAsync(provider);
        var screenshotSuffix = provider == DatabaseProvider.Postgres ? "-postgres" : "";
        var folder = Directory.CreateTempSubdirectory("import-").FullName;
        var good = Path.Combine(folder, "from-supplier.csv");
        await File.WriteAllTextAsync(good, "sku,name,category,price,stock,talking_points\r\n"
            + "GRILL-1,Contact grill,Kitchen,79.90,4,\"Grills both sides at once, so dinner is ready in minutes\"\r\n");
        var bad = Path.Combine(folder, "broken.csv");
        await File.WriteAllTextAsync(bad, "sku,name,category,price,stock\nGRILL-2,Grill,Kitchen,\"1,50\",4\nGRILL 3,Grill,Kitchen,1.50,-1\n");
        var manager = await fixture.NewPageAsync(app, 1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.GoToInteractiveAsync("/manage/import");

        await manager.TestId("import-file").SetInputFilesAsync(bad);
        await Expect(manager.TestId("import-invalid")).ToBeVisibleAsync();
        await Expect(manager.TestId("import-error")).ToHaveCountAsync(3);
        await Expect(manager.Locator("[data-testid=import-error][data-line='2'][data-column='price']")).ToBeVisibleAsync();
        await Expect(manager.TestId("import-apply")).ToHaveCountAsync(0);
        await manager.ScreenshotAsync($"manage-import-errors-1024x768{screenshotSuffix}");

        await manager.TestId("import-file").SetInputFilesAsync(good);
        await Expect(manager.TestId("count-add")).ToHaveTextAsync("1");
        await manager.TestId("import-apply").ClickAsync();
        await Expect(manager.TestId("import-done")).ToBeVisibleAsync();
        await manager.ScreenshotAsync($"manage-import-done-1024x768{screenshotSuffix}");

        var clerk = await fixture.NewClerkPageAsync(app, 768, 1024);
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("product-search").FillAsync("contact grill");
        await Expect(clerk.TestId("product-result")).ToHaveAttributeAsync("data-sku", "GRILL-1");
        await clerk.TestId("product-search").FillAsync("GRILL-2");
        await Expect(clerk.TestId("no-results")).ToBeVisibleAsync();

        var export = await manager.APIRequest.GetAsync("/manage/export");
        Assert.Equal(200, export.Status);
        Assert.StartsWith("text/csv", export.Headers["content-type"]);
        Assert.Contains("GRILL-1,,Contact grill,,Kitchen,79.90,4,,,,\"Grills both sides at once, so dinner is ready in minutes\",", await export.TextAsync());

        var clerkExport = await clerk.APIRequest.GetAsync("/manage/export", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, clerkExport.Status);
        await manager.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_imports_a_family_reorders_its_tiers_and_accessories_and_the_clerk_flow_follows_at_once()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("family-").FullName, "grills.csv");
        await File.WriteAllTextAsync(file, "name,sku,price,stock,category,family,tier,accessories,talking_points\n"
            + "Grill Basic,GR-1,50.00,5,Grills,Grills,1,GR-BRUSH|GR-OIL,Grills both sides at once\n"
            + "Grill Plus,GR-2,80.00,5,Grills,Grills,2,GR-BRUSH|GR-OIL,Removable plates go in the dishwasher\n"
            + "Grill Pro,GR-3,120.00,5,Grills,Grills,3,GR-BRUSH|GR-OIL,Opens flat for a whole family's burgers\n"
            + "Grill brush,GR-BRUSH,9.00,10,Grills,,,,Cleans the plates in seconds\n"
            + "Grill oil spray,GR-OIL,6.00,10,Grills,,,,Nothing sticks\n");
        var manager = await fixture.NewPageAsync(1024, 768);
        await manager.SignInAsync(AppServer.ManagerEmail, AppServer.ManagerPassword);
        await manager.GoToInteractiveAsync("/manage/import");
        await manager.TestId("import-file").SetInputFilesAsync(file);
        await manager.TestId("import-apply").ClickAsync();
        await Expect(manager.TestId("import-done")).ToBeVisibleAsync();

        await manager.TestId("manage-nav").GetByText("Families").ClickAsync();
        await manager.TestId("family-search").FillAsync("grills");
        await manager.TestId("family-link").GetByText("Grills").ClickAsync();
        await Expect(manager.TestId("family-member")).ToHaveCountAsync(3);
        await manager.Locator("[data-testid=family-member][data-sku=GR-2]").TestId("tier-up").ClickAsync();
        await Expect(manager.TestId("family-member").First).ToHaveAttributeAsync("data-sku", "GR-2");
        await manager.ScreenshotAsync("manage-family-1024x768");

        await manager.Locator("[data-testid=family-member][data-sku=GR-1]").GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(manager.TestId("linked-accessory")).ToHaveCountAsync(2);
        await manager.Locator("[data-testid=linked-accessory][data-sku=GR-OIL]").TestId("accessory-up").ClickAsync();
        await Expect(manager.TestId("linked-accessory").First).ToHaveAttributeAsync("data-sku", "GR-OIL");
        await manager.ScreenshotAsync("manage-product-1024x768");

        var clerk = await fixture.NewClerkPageAsync(1024, 768);
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("product-search").FillAsync("GR-1");
        await clerk.TestId("product-search").PressAsync("Enter");
        await Expect(clerk.TestId("upsell-option")).ToHaveCountAsync(1);
        await Expect(clerk.TestId("upsell-option")).ToHaveAttributeAsync("data-sku", "GR-3");
        await clerk.TestId("keep-original").ClickAsync();
        await Expect(clerk.TestId("accessory")).ToHaveCountAsync(2);
        await Expect(clerk.TestId("accessory").First).ToHaveAttributeAsync("data-sku", "GR-OIL");

        await manager.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }
}
