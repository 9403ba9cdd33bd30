using System.Globalization;

namespace SalesAssistant.Tests.Localization;

/// <summary>The test thread speaks <paramref name="language"/> (words and formats) until disposed, then what it spoke before.</summary>
public sealed class InLanguage : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public InLanguage(string language)
    {
        CultureInfo.CurrentCulture = new CultureInfo(language);
        CultureInfo.CurrentUICulture = new CultureInfo(language);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
