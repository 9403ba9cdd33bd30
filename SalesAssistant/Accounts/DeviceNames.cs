using Microsoft.Extensions.Localization;

namespace SalesAssistant.Accounts;

/// <summary>
/// "Chrome on Android" from a browser's user-agent string, for a manager reading the list of signed-in devices, in the
/// current language (the browser and system names are names: they stay as they are).
/// </summary>
public static class DeviceNames
{

    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("iPad", "iPad"), ("iPhone", "iPhone"), ("Android", "Android"), ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    public static string Of(string? userAgent, IStringLocalizer<AccountText> Text)
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
