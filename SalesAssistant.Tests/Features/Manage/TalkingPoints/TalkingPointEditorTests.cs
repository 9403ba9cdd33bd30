using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.TalkingPoints;

public sealed class TalkingPointEditorTests : MudTestContext
{
    public TalkingPointEditorTests() => Services.AddSingleton(TimeProvider.System);

    [Theory]
    [InlineData("", "Write what the customer gains.")]
    [InlineData("one | two", "'|' cannot be used")]
    public void Invalid_text_shows_its_message_and_is_not_saved(string text, string message)
    {
        var saved = false;
        var editor = Render<TalkingPointEditor>(p => p
            .Add(x => x.Model, new TalkingPointModel { Text = text })
            .Add(x => x.OnSave, _ => saved = true));

        editor.Find("[data-testid=talking-point-save]").Click();

        editor.WaitForAssertion(() => Assert.Contains(message, editor.Markup));
        Assert.False(saved);
    }

    [Fact]
    public void Text_over_200_characters_is_refused()
    {
        var saved = false;
        var editor = Render<TalkingPointEditor>(p => p
            .Add(x => x.Model, new TalkingPointModel { Text = new string('x', 201) })
            .Add(x => x.OnSave, _ => saved = true));

        editor.Find("[data-testid=talking-point-save]").Click();

        editor.WaitForAssertion(() => Assert.Contains("at most 200 characters", editor.Markup));
        Assert.False(saved);
    }

    [Fact]
    public void A_valid_point_is_handed_to_the_page()
    {
        TalkingPointModel? saved = null;
        var editor = Render<TalkingPointEditor>(p => p
            .Add(x => x.Model, new TalkingPointModel())
            .Add(x => x.OnSave, m => saved = m));

        editor.Find("textarea").Input("Lasts a full day of shooting");
        editor.Find("[data-testid=talking-point-save]").Click();

        editor.WaitForAssertion(() => Assert.Equal("Lasts a full day of shooting", saved?.Text));
    }
}
