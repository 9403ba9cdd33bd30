using Microsoft.Playwright;

namespace SalesAssistant.LoadTool;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), with pages signed in by the shared auth cookie.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. Args, .. extraArgs],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>CSS that stops animations and transitions (MudBlazor's indeterminate progress bar animates on every frame).</summary>
    private const string NoAnimations = """
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
          document.head.appendChild(style);
        });
        """;

    /// <summary>
    /// A fresh context (own cache and storage) carrying the tool's auth cookie: signed in without a sign-in per page.
    /// <paramref name="lean"/> turns animations off, to spend the machine's CPU on the app rather than on painting.
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(AppTarget target, int width = 1024, int height = 768, bool lean = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = target.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await context.AddCookiesAsync([new Cookie
        {
            Name = target.AuthCookie.Name,
            Value = target.AuthCookie.Value,
            Url = target.BaseAddress.ToString(),
            HttpOnly = true,
            SameSite = SameSiteAttribute.Lax,
        }]);
        if (lean)
        {
            await context.AddInitScriptAsync(NoAnimations);
        }
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}

internal static class PageExtensions
{
    /// <summary>Opens a page and waits until its circuit is interactive (the layout sets body[data-interactive]): earlier clicks are lost.</summary>
    public static async Task GoToInteractiveAsync(this IPage page, string path, float timeoutMs = 60_000)
    {
        await page.GotoAsync(path, new PageGotoOptions { Timeout = timeoutMs });
        await page.WaitForInteractiveAsync(timeoutMs);
    }

    public static Task WaitForInteractiveAsync(this IPage page, float timeoutMs = 60_000) =>
        page.Locator("body[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = timeoutMs });

    public static ILocator TestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");
}
