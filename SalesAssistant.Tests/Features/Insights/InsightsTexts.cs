using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Features.Insights;

namespace SalesAssistant.Tests.Features.Insights;

/// <summary>The app's own resources for services built by hand in tests: texts in the thread's CurrentUICulture, as in a circuit.</summary>
public static class InsightsTexts
{
    public static IStringLocalizer<T> For<T>() =>
        new StringLocalizer<T>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static IStringLocalizer<InsightsText> Localizer { get; } = For<InsightsText>();
}

/// <summary>
/// Runs a test in a language, as the app's middleware does for a request or a circuit (words in <paramref name="language"/>,
/// dates in <paramref name="culture"/>), and puts the thread's cultures back when disposed, also when the test fails.
/// </summary>
public sealed class InLanguage : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public InLanguage(string language, string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(language);
    }

    public static InLanguage Polish() => new("pl", "pl-PL");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
