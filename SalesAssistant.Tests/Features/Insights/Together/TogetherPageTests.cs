using SalesAssistant.Data;
using SalesAssistant.Features.Insights.Together;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Together;

public abstract class TogetherPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : TogetherPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TogetherPageTests(DatabaseProvider.Postgres);

    [Fact]
    public void The_page_explains_its_measures_in_whole_sentences()
    {
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<TogetherPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-suggestions]")));
        var intro = Words(page.Find("p.mud-typography-body2").TextContent);
        Assert.Contains("from finished consultations and till sales. Support: share of all baskets holding both. Confidence: share", intro);
        Assert.Equal("/manage/sales-import", page.Find("p.mud-typography-body2 a").GetAttribute("href"));
        Assert.Contains("No pair of products shares 5 or more baskets", page.Find("[data-testid=no-suggestions]").TextContent);
    }

    [Fact]
    public void Under_Polish_the_page_and_its_empty_result_are_in_Polish()
    {
        using var polish = InLanguage.Polish();
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<TogetherPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-suggestions]")));
        Assert.Contains("Często kupowane razem", page.Find("h1").TextContent);
        Assert.Contains("i sprzedaży z kasy. Wsparcie: odsetek wszystkich koszyków", Words(page.Find("p.mud-typography-body2").TextContent));
        Assert.Contains("w co najmniej 5 koszykach", page.Find("[data-testid=no-suggestions]").TextContent);
    }

    /// <summary>The text as a reader sees it: each run of whitespace one space.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
