using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Insights.Dashboard;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Store;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Dashboard;

public abstract class InsightsPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : InsightsPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : InsightsPageTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task The_dashboard_shows_the_figures_of_the_finished_consultations()
    {
        var counter = new CounterService(Database, TimeProvider.System, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        await counter.ChooseUpsellAsync(id, "TOAST-4");
        await counter.ContinueToSummaryAsync(id);
        await counter.FinishAsync(id);
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=kpi-consultations]").GetAttribute("data-value")));
        Assert.Equal("1", page.Find("[data-testid=kpi-upsell-rate]").GetAttribute("data-value"));
        Assert.Equal("60.00", page.Find("[data-testid=kpi-total-uplift]").GetAttribute("data-value"));
        Assert.Empty(page.FindAll("[data-testid=demo-banner]"));
        Assert.Contains("/manage/insights/export/summary.csv?from=", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_explained_instead_of_shown()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/manage/insights?from=2026-11-10&to=2026-11-01");

        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.Contains("start date is after the end date", page.Find("[data-testid=insights-problem]").TextContent));
    }

    [Fact]
    public void Under_Polish_the_dashboard_names_its_figures_in_Polish()
    {
        using var polish = InLanguage.Polish();
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=kpi-consultations]").GetAttribute("data-value")));
        Assert.Contains("Konsultacje", page.Find("[data-testid=kpi-consultations]").TextContent);
        Assert.Contains("Skuteczność up-sellingu", page.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("brak danych", page.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("Co działa", page.Markup);
        Assert.Contains("Up-selling według rodziny produktów", page.Find("[data-testid=by-family]").TextContent);
        Assert.Contains("Brak danych dla tego okresu.", page.Find("[data-testid=by-family] [data-testid=no-data]").TextContent);
        Assert.Contains("Nie ma jeszcze testów A/B", page.Find("[data-testid=ab-tests] [data-testid=no-data]").TextContent);
    }

    [Fact]
    public void Under_Polish_a_range_that_ends_before_it_starts_is_explained_in_Polish()
    {
        using var polish = InLanguage.Polish();
        Render<MudBlazor.MudPopoverProvider>();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/manage/insights?from=2026-11-10&to=2026-11-01");

        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.Equal("Data początkowa jest późniejsza niż data końcowa.", page.Find("[data-testid=insights-problem]").TextContent.Trim()));
    }

    [Fact]
    public void An_empty_history_shows_no_data_everywhere()
    {
        Render<MudBlazor.MudPopoverProvider>();

        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=kpi-consultations]").GetAttribute("data-value")));
        Assert.Contains(Figures.NoData, page.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=ab-tests] [data-testid=no-data]"));
    }
}
