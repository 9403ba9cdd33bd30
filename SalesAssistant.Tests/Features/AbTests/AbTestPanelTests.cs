using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.AbTests;

public abstract class AbTestPanelTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : AbTestPanelTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AbTestPanelTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task Ticking_two_points_starts_an_ab_test_that_labels_them_A_and_B()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ProductTalkingPointsPage>(p => p.Add(x => x.ProductId, ProductIdAsync("TOAST-4").Result));
        page.WaitForElement("[data-testid=ab-pick]");
        Assert.True(page.Find("[data-testid=start-ab-test]").HasAttribute("disabled"));

        page.FindAll("input[data-testid=ab-pick]")[0].Change(true);
        page.FindAll("input[data-testid=ab-pick]")[1].Change(true);
        page.Find("[data-testid=start-ab-test]").Click();

        page.WaitForAssertion(() => Assert.Equal(["A", "B"], page.FindAll("[data-testid=ab-variant]").Select(c => c.TextContent.Trim())));
        Assert.NotNull(page.Find("[data-testid=ab-test-running]"));
        var advice = await Services.GetRequiredService<TalkingPointService>().GetAsync(await ProductIdAsync("TOAST-4"));
        Assert.NotNull(advice!.AbTest);

        page.Find("[data-testid=end-ab-test]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=ab-variant]")));
    }
}
