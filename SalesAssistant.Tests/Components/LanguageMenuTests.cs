using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesAssistant.Components.Layout;
using SalesAssistant.Data;
using SalesAssistant.Localization;
using SalesAssistant.Tests.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Components;

public sealed class LanguageMenuTests : MudTestContext
{
    /// <summary>Never opened: the menu only writes to it when a language is chosen.</summary>
    private readonly TestDatabase database = TestDatabase.Empty(DatabaseProvider.Sqlite);

    public LanguageMenuTests()
    {
        Services.AddSingleton(new UserLanguages(database));
        AddAuthorization();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await database.DisposeAsync();
    }

    [Fact]
    public void The_menu_lists_the_four_languages_by_their_own_names_and_marks_the_one_shown()
    {
        using var italian = new InLanguage("it");
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<LanguageMenu>();

        var opener = menu.Find("button");
        Assert.Equal("Lingua: Italiano", opener.GetAttribute("aria-label"));
        opener.Click();

        popovers.WaitForAssertion(() => Assert.Equal(4, popovers.FindAll("[data-testid^=language-]").Count));
        var items = popovers.FindAll("[data-testid^=language-]");
        Assert.Equal(["English", "Italiano", "Polski", "Nederlands"], items.Select(i => i.TextContent.Trim()));
        Assert.Equal(["en", "it", "pl", "nl"], items.Select(i => i.GetAttribute("lang")));
        Assert.Equal("true", popovers.Find("[data-testid=language-it]").GetAttribute("aria-current"));
        Assert.Single(items, i => i.HasAttribute("aria-current"));
    }
}
