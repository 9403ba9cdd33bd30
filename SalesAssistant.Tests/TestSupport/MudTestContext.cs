using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SalesAssistant.Store;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>bUnit context with MudBlazor's services and the store's money formatting (EUR, en-IE).</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Renders wait on a real SQLite database while the suite runs test classes in parallel on two cores: bUnit's
        // 1 s default is too short a wait there. A bound on waiting, not a timing assertion.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        // The texts in the test thread's CultureInfo.CurrentUICulture: English (the neutral resources) unless a test sets one.
        Services.AddLocalization();
        Services.AddSingleton(new MoneyFormatter(Options.Create(new StoreOptions { Currency = "EUR", Culture = "en-IE" })));
    }
}
