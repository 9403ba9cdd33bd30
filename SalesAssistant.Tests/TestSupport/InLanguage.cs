using System.Globalization;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// Runs a test in a language, as the app's middleware does for a request or a circuit: words in <paramref name="language"/>,
/// formats in <paramref name="culture"/> (the language's own when not given). Puts the thread's cultures back when
/// disposed, also when the test fails.
/// </summary>
public sealed class InLanguage : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public InLanguage(string language, string? culture = null)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture ?? language);
        CultureInfo.CurrentUICulture = new CultureInfo(language);
    }

    public static InLanguage Polish() => new("pl", "pl-PL");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
