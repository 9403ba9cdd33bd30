using SalesAssistant.Localization;

using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Localization;

public sealed class MudBlazorTextsTests
{
    private readonly MudBlazorTexts texts = new(new LocalizerFor<MudBlazorTexts>().Localizer);

    [Fact]
    public void A_MudBlazor_text_is_Italian_in_Italian()
    {
        using var italian = new InLanguage("it");

        Assert.Equal("Pagina successiva", texts["MudTablePager_NextPage"].Value);
        Assert.Equal("Chiudi", texts["MudSnackbar_Close"].Value);
    }

    [Fact]
    public void A_MudBlazor_text_with_an_argument_is_Polish_in_Polish()
    {
        using var polish = new InLanguage("pl");

        Assert.Equal("Strona 3", texts["MudPagination_PageIndex", 3].Value);
    }

    [Fact]
    public void In_English_MudBlazor_says_what_it_says_by_itself()
    {
        using var english = new InLanguage("en");

        Assert.Equal("Loading…", texts["MudTable_Loading"].Value);
        Assert.False(texts["MudTable_Loading"].ResourceNotFound);
    }
}
