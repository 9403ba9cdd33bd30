using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>What every page must pass, whatever its language: axe-core's WCAG 2.2 A/AA rules, no sideways scrolling, big touch targets.</summary>
public static class PageChecks
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    /// <summary>The serious and critical axe violations of the page as it is now, one line per element.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" ", n.Target)}: {n.Html}"))
            .ToList();
    }

    public static async Task AssertAccessibleAsync(this IPage page, string where)
    {
        // A snackbar fading in is half transparent: its contrast is judged once it is there.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.effect?.getTiming().iterations === Infinity || a.playState !== 'running')");
        var violations = await page.SeriousAxeViolationsAsync();
        Assert.True(violations.Count == 0, $"axe on {where} ({page.Url}):\n" + string.Join("\n", violations));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{where} scrolls sideways");
    }

    /// <summary>Visible buttons and links styled as buttons smaller than 48 × 48 CSS pixels (touch targets at the counter).</summary>
    public static Task<string[]> SmallTouchTargetsAsync(this IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('button, [role=button], a.mud-button-root, input[type=checkbox], input[type=radio]')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > 0 && (r.height < 48 || r.width < 48))
            .map(([e, r]) => `${e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`)
        """);
}
