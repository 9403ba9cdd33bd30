using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.TalkingPoints;

public abstract class ProductTalkingPointsPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : ProductTalkingPointsPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductTalkingPointsPageTests(DatabaseProvider.Postgres);

    private async Task<IRenderedComponent<ProductTalkingPointsPage>> OpenAsync(string sku)
    {
        Render<MudBlazor.MudPopoverProvider>();
        var id = await ProductIdAsync(sku);
        var page = Render<ProductTalkingPointsPage>(p => p.Add(x => x.ProductId, id));
        page.WaitForElement("[data-testid=managed-talking-point]");
        return page;
    }

    private static string[] Texts(IRenderedComponent<ProductTalkingPointsPage> page) =>
        page.FindAll("[data-testid=managed-talking-point-text]").Select(e => e.TextContent).ToArray();

    [Fact]
    public async Task Moving_a_point_up_reorders_the_list_and_adds_a_history_row()
    {
        var page = await OpenAsync("TOAST-4");

        page.FindAll("[data-testid=move-up]")[1].Click();

        page.WaitForAssertion(() => Assert.Equal(["Lift-and-look lever checks without burning", "Toasts four slices at once"], Texts(page)));
        Assert.Single(page.FindAll("[data-testid=history-row]"));
    }

    [Fact]
    public async Task The_first_point_cannot_move_up_nor_the_last_down()
    {
        var page = await OpenAsync("TOAST-4");

        Assert.True(page.FindAll("[data-testid=move-up]")[0].HasAttribute("disabled"));
        Assert.True(page.FindAll("[data-testid=move-down]")[^1].HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_shows_the_conflict_and_the_current_text()
    {
        var page = await OpenAsync("TOAST-4");
        page.FindAll("[data-testid=edit-talking-point]")[0].Click();
        var other = Services.GetRequiredService<TalkingPointService>();
        var seen = (await other.GetAsync(await ProductIdAsync("TOAST-4")))!.Active[0];
        Assert.True((await other.EditAsync(seen.Id, seen.Version, new TalkingPointModel { Text = "Changed by the other manager" })).Succeeded);

        page.Find("[data-testid=managed-talking-point] textarea").Input("My own words");
        page.Find("[data-testid=managed-talking-point] [data-testid=talking-point-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Changed by the other manager", page.Find("[data-testid=conflict-message]").TextContent));
        Assert.Equal("Changed by the other manager", Texts(page)[0]);
    }

    [Fact]
    public async Task Retiring_moves_a_point_to_the_retired_list()
    {
        var page = await OpenAsync("TOAST-4");

        page.FindAll("[data-testid=retire-talking-point]")[0].Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=retired-talking-point]")));
        Assert.Equal(["Lift-and-look lever checks without burning"], Texts(page));
    }

    [Fact]
    public async Task Html_in_a_talking_point_is_shown_as_text()
    {
        var page = await OpenAsync("TOAST-4");
        page.Find("textarea").Input("<img src=x onerror=alert(1)>Safe");
        page.Find("[data-testid=talking-point-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, Texts(page).Length));
        Assert.Empty(page.FindAll("[data-testid=managed-talking-point-text] img"));
        Assert.Equal("<img src=x onerror=alert(1)>Safe", Texts(page)[2]);
    }
}
