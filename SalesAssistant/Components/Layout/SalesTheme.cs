using MudBlazor;

namespace SalesAssistant.Components.Layout;

public static class SalesTheme
{
    // System fonts only: the store network is closed, so no web fonts from another host.
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            // Every colour that carries text (status words, alerts, outlined buttons, white text on filled ones) is
            // at least 4.5:1 against white and its own tint (WCAG 2.2 AA, 1.4.3); MudBlazor's defaults are not.
            Primary = "#1565c0",
            Secondary = "#00695c",
            Success = "#2e7d32",
            Warning = "#8a5300",
            Error = "#c62828",
            Info = "#01579b",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#0d47a1",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
    };
}
