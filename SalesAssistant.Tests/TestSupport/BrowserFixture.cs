using Microsoft.Playwright;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (it never downloads a browser of its own), and the app serving
/// <see cref="TestCatalog"/> (on SQLite, and on PostgreSQL for the tests that run on both). Shared by the browser
/// tests, which run one at a time.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app the browser tests share, on SQLite.</summary>
    public AppServer App { get; private set; } = null!;

    private AppServer? postgresApp;

    /// <summary>The shared app on <paramref name="provider"/>: <see cref="App"/>, or its twin on PostgreSQL, started when first asked for.</summary>
    public async Task<AppServer> AppOnAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return App;
        }
        if (postgresApp is null)
        {
            postgresApp = new AppServer(TestCatalog.Csv, provider: DatabaseProvider.Postgres);
            await postgresApp.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        }
        return postgresApp;
    }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // The suite runs test classes in parallel on two cores: the 5 s default is too short a wait for a page whose
        // server shares them. A wait, not a timing assertion: it ends as soon as the page gets there.
        Assertions.SetDefaultExpectTimeout(20_000);
        App = new AppServer(TestCatalog.Csv);
        await App.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh page of the given size, signed in as the test clerk.</summary>
    public Task<IPage> NewClerkPageAsync(int width, int height) => NewClerkPageAsync(App, width, height);

    /// <summary>A fresh page of the given size on <paramref name="app"/>, signed in as the test clerk.</summary>
    public async Task<IPage> NewClerkPageAsync(AppServer app, int width, int height)
    {
        var page = await NewPageAsync(app, width, height);
        await page.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        await Microsoft.Playwright.Assertions.Expect(page.TestId("product-search")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A fresh page (its own cookies and storage) of the given size.</summary>
    public Task<IPage> NewPageAsync(int width, int height) => NewPageAsync(App, width, height);

    /// <summary>A fresh page on another app, for a test whose changes to the catalog must not reach the other tests.</summary>
    public Task<IPage> NewPageAsync(AppServer app, int width, int height) => NewPageAsync(app.BaseAddress, width, height);

    /// <summary>A fresh page on the app at <paramref name="baseAddress"/> (behind a proxy with a throwaway certificate: <paramref name="trustAnyCertificate"/>).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height, bool trustAnyCertificate = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = true,
            IgnoreHTTPSErrors = trustAnyCertificate,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Every Content-Security-Policy violation any page of any browser test reported in its console.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> CspViolations { get; } = [];

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (postgresApp is not null)
        {
            await postgresApp.DisposeAsync();
        }
        // A page that broke the policy fails the run even when its own test did not look.
        Assert.True(CspViolations.IsEmpty, "Content-Security-Policy violations:\n" + string.Join("\n", CspViolations.Distinct()));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public static class PageExtensions
{
    /// <summary>Opens a page and waits until its circuit is interactive: clicks before that are lost.</summary>
    public static async Task GoToInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        // By the fields' ids: the labels are in the page's language.
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("body[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static ILocator TestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");

    public static ILocator TestId(this ILocator locator, string testId) => locator.Locator($"[data-testid='{testId}']");

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
