using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SalesAssistant.Accounts;

/// <summary>
/// "Chrome on Android" from a browser's user-agent string, for a manager reading the list of signed-in devices, in the
/// current language (the browser and system names are names: they stay as they are).
/// </summary>
public static class DeviceNames
{
    /// <summary>The AccountText resources, as <c>AddLocalization()</c> reads them: this helper is called from markup, with no service at hand.</summary>
    private static readonly IStringLocalizer Text =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(AccountText));

    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("iPad", "iPad"), ("iPhone", "iPhone"), ("Android", "Android"), ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Text["Unknown device"];
        }
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => Text["Other browser"],
            (_, null) => browser!,
            (null, _) => Text["Browser on {0}", system],
            _ => Text["{0} on {1}", browser, system],
        };
    }
}
