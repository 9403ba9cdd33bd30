using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;

namespace SalesAssistant.Tests.Catalog;

public sealed class TierLabelsTests
{
    private static readonly IStringLocalizer<CatalogText> Text =
        new StringLocalizer<CatalogText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("en", new[] { "Good", "Better", "Best", "Premium", "Tier 5" })]
    [InlineData("it", new[] { "Base", "Intermedio", "Avanzato", "Premium", "Livello 5" })]
    [InlineData("pl", new[] { "Podstawowy", "Rozszerzony", "Zaawansowany", "Premium", "Poziom 5" })]
    [InlineData("nl", new[] { "Goed", "Beter", "Best", "Premium", "Niveau 5" })]
    public void Tiers_are_named_in_the_current_language(string language, string[] expected)
    {
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            Assert.Equal(expected, Enumerable.Range(1, 5).Select(tier => TierLabels.Of(tier, Text)));
            Assert.Equal(["Good", "Better", "Best", "Premium", "Tier 5"], Enumerable.Range(1, 5).Select(tier => TierLabels.InFiles(tier)));
            Assert.Equal("", TierLabels.Of(null, Text));
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
