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
