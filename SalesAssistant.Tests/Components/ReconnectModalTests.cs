using System.Text.Json;
using SalesAssistant.Components;
using SalesAssistant.Components.Layout;
using SalesAssistant.Tests.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Components;

public sealed class ReconnectModalTests : MudTestContext
{
    [Fact]
    public void The_reconnect_dialog_speaks_Polish_with_every_form_of_the_seconds()
    {
        using var polish = new InLanguage("pl");

        var modal = Render<ReconnectModal>();

        var dialog = modal.Find("dialog");
        Assert.Equal("Utracono połączenie", dialog.GetAttribute("aria-label"));
        Assert.Contains("Ponowne łączenie z serwerem…", modal.Find(".components-reconnect-first-attempt-visible").TextContent);
        Assert.Equal("Ponów", modal.Find("#components-reconnect-button").TextContent.Trim());
        var sentence = modal.Find("[data-plural-forms]");
        var forms = JsonSerializer.Deserialize<Dictionary<string, string[]>>(sentence.GetAttribute("data-plural-forms")!)!;
        Assert.Equal(["few", "many", "one"], forms.Keys.Order());
        Assert.Equal(["Nie udało się połączyć… ponowna próba za ", " sekundę."], forms["one"]);
        Assert.Equal(" sekund.", forms["many"][1]);
        // Blazor writes the number into this span; before it does, the sentence reads in the form most numbers take.
        Assert.Equal("Nie udało się połączyć… ponowna próba za  sekund.", sentence.TextContent.Trim());
        Assert.Single(modal.FindAll("#components-seconds-to-next-attempt"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("pl")]
    [InlineData("nl")]
    public void Every_form_of_the_retry_sentence_has_the_number_in_it(string language)
    {
        using var speaking = new InLanguage(language);
        var text = new LocalizerFor<InterfaceText>().Localizer;

        var forms = ReconnectModal.RetryForms(text, language);

        Assert.NotEmpty(forms);
        Assert.All(forms.Keys, category => Assert.False(text[$"{ReconnectModal.RetryingIn}|{category}"].ResourceNotFound));
        Assert.All(forms.Values, parts => Assert.False(string.IsNullOrWhiteSpace(parts.Before)));
    }

    [Fact]
    public void In_English_the_sentence_is_the_one_Blazor_shows()
    {
        using var english = new InLanguage("en");

        var forms = ReconnectModal.RetryForms(new LocalizerFor<InterfaceText>().Localizer, "en");

        Assert.Equal(new ReconnectModal.SentenceParts("Rejoin failed... trying again in ", " seconds."), forms["other"]);
        Assert.Equal(new ReconnectModal.SentenceParts("Rejoin failed... trying again in ", " second."), forms["one"]);
    }
}
