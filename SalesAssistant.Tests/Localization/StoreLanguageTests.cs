using Microsoft.Extensions.Options;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Localization;

public sealed class StoreLanguageTests
{
    [Fact]
    public void A_language_the_app_does_not_speak_stops_the_app_at_startup_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => new AppServer(TestCatalog.Csv, new Dictionary<string, string?> { ["Store:Language"] = "de" }));

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains("Store:Language must be one of en, it, pl, nl", validation.Message);
    }

    [Fact]
    public void Pages_read_in_the_chosen_language_with_the_stores_numbers_and_the_languages_dates()
    {
        var cultures = new DisplayCultures(Options.Create(TestStore.Options()));

        var (formatting, ui) = cultures.For("pl");

        Assert.Equal("pl", ui.Name);
        Assert.Equal("1,234.5", 1234.5.ToString("#,##0.0", formatting));
        Assert.Equal("grudnia", new DateOnly(2026, 12, 2).ToString("d MMMM", formatting).Split(' ')[1]);
    }

    [Fact]
    public void A_store_culture_of_the_same_language_is_used_as_it_is()
    {
        var cultures = new DisplayCultures(Options.Create(new SalesAssistant.Store.StoreOptions { Language = "it", Culture = "it-IT" }));

        Assert.Equal("it-IT", cultures.For("it").Formatting.Name);
        Assert.Equal("1.234,5", 1234.5.ToString("#,##0.0", cultures.For("en").Formatting));
    }
}
