using Microsoft.Extensions.Time.Testing;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights;

/// <summary>
/// Consultations run through the real counter service on the test catalog; every expected figure is counted by hand
/// in the comments (prices: TOAST-2 40.00, TOAST-4 100.00, TOAST-6 220.00, CRUMB 5.50, JAM 12.00, KETTLE 30.00).
/// </summary>
public abstract class InsightsServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : InsightsServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : InsightsServiceTests(DatabaseProvider.Postgres);

    private static readonly DateOnly Monday = new(2026, 11, 2);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;
    private CounterService counter = null!;
    private InsightsService insights = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        counter = new CounterService(database, clock, TestUsers.Clerk);
        insights = new InsightsService(database, TestUsers.Manager);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    /// <summary>Starts a consultation and shows it, as the page does after every action.</summary>
    private async Task<Guid> StartAsync(string sku)
    {
        var id = (await counter.StartAsync(sku))!.Value;
        await counter.GetAsync(id);
        return id;
    }

    private async Task ThenAsync(Guid id, Func<Task<bool>> action)
    {
        Assert.True(await action());
        await counter.GetAsync(id);
    }

    /// <summary>
    /// Monday: (1) TOAST-2 up-sold to TOAST-4, CRUMB added: basket 105.50. (2) TOAST-2, negative on the up-sell,
    /// negative on the accessories: 40.00. (3) KETTLE: no family, no accessories: 30.00.
    /// Tuesday: (4) TOAST-2 kept, JAM added, KETTLE added by search as an extra: 82.00.
    /// Plus one consultation left unfinished, which no figure counts.
    /// </summary>
    private async Task RunFourConsultationsAsync()
    {
        var accepted = await StartAsync("TOAST-2");
        await ThenAsync(accepted, () => counter.ChooseUpsellAsync(accepted, "TOAST-4"));
        await ThenAsync(accepted, () => counter.ToggleAccessoryAsync(accepted, "CRUMB"));
        await ThenAsync(accepted, () => counter.ContinueToSummaryAsync(accepted));
        await ThenAsync(accepted, () => counter.FinishAsync(accepted));

        var negative = await StartAsync("TOAST-2");
        await ThenAsync(negative, () => counter.RecordReactionAsync(negative, CustomerReaction.Negative));
        await ThenAsync(negative, () => counter.RecordReactionAsync(negative, CustomerReaction.Negative));
        await ThenAsync(negative, () => counter.FinishAsync(negative));

        var kettle = await StartAsync("KETTLE");
        await ThenAsync(kettle, () => counter.ContinueToSummaryAsync(kettle));
        await ThenAsync(kettle, () => counter.FinishAsync(kettle));

        clock.Advance(TimeSpan.FromDays(1));
        var kept = await StartAsync("TOAST-2");
        await ThenAsync(kept, () => counter.KeepOriginalAsync(kept));
        await ThenAsync(kept, () => counter.ToggleAccessoryAsync(kept, "JAM"));
        await ThenAsync(kept, () => counter.AddProductAsync(kept, "KETTLE"));
        await ThenAsync(kept, () => counter.ContinueToSummaryAsync(kept));
        await ThenAsync(kept, () => counter.FinishAsync(kept));

        await StartAsync("TOAST-2");
    }

    private Task<InsightsReport> ReportAsync(TrendGrain grain = TrendGrain.Day) =>
        insights.ReportAsync(new InsightsFilter(Monday, Monday.AddDays(6)), grain);

    [Fact]
    public async Task Summary_figures_match_a_hand_count()
    {
        await RunFourConsultationsAsync();

        var summary = (await ReportAsync()).Summary;

        Assert.Equal(4, summary.Consultations);
        Assert.Equal((3, 1, 1), (summary.UpsellOffered, summary.UpsellAccepted, summary.UpsellNegative));
        Assert.Equal(1.0 / 3, summary.UpsellAcceptanceRate!.Value, 9);
        Assert.Equal(1.0 / 3, summary.UpsellNegativeRate!.Value, 9);
        // Accessories offered in (1), (2) and (4); the kettle has none. Attached in (1) and (4); stopped in (2).
        Assert.Equal((3, 2, 1), (summary.AccessoriesOffered, summary.AccessoriesAttached, summary.AccessoriesNegative));
        Assert.Equal(2.0 / 3, summary.AttachRate!.Value, 9);
        // Baskets 105.50 + 40 + 30 + 82 = 257.50 over original choices 40 + 40 + 30 + 40 = 150.
        Assert.Equal(25750, summary.BasketMinor);
        Assert.Equal(10750, summary.UpliftMinor);
        Assert.Equal(6438, summary.AverageBasketMinor);
        Assert.Equal(2688, summary.AverageUpliftMinor);
        Assert.Equal(107.5 / 150, summary.UpliftRatio!.Value, 9);
    }

    [Fact]
    public async Task Breakdowns_by_day_family_tier_clerk_and_product_match_a_hand_count()
    {
        await RunFourConsultationsAsync();

        var report = await ReportAsync();

        Assert.Equal(7, report.Trend.Count);
        Assert.Equal([3, 1, 0, 0, 0, 0, 0], report.Trend.Select(r => r.Tally.Consultations));
        var family = Assert.Single(report.ByFamily);
        Assert.Equal(("Crisp toasters", 3, 1), (family.Label, family.Tally.UpsellOffered, family.Tally.UpsellAccepted));
        var tier = Assert.Single(report.ByTier);
        Assert.Equal(("1", 3), (tier.Key, tier.Tally.UpsellOffered));
        var clerk = Assert.Single(report.ByClerk);
        Assert.Equal((TestUsers.ClerkId, 4), (clerk.Key, clerk.Tally.Consultations));
        var toaster = Assert.Single(report.ByChosenProduct);
        Assert.Equal(("TOAST-2", 3, 1), (toaster.Key, toaster.Tally.UpsellOffered, toaster.Tally.UpsellNegative));
        // Accessories were offered for TOAST-4 in (1) and for TOAST-2 in (2) and (4).
        Assert.Equal(["TOAST-2", "TOAST-4"], report.ByMainProduct.Select(r => r.Key).Order());
        var toast2 = report.ByMainProduct.Single(r => r.Key == "TOAST-2").Tally;
        Assert.Equal((2, 1, 1), (toast2.AccessoriesOffered, toast2.AccessoriesAttached, toast2.AccessoriesNegative));
    }

    [Fact]
    public async Task Weekly_trend_adds_up_the_days_of_each_week()
    {
        await RunFourConsultationsAsync();

        var report = await insights.ReportAsync(new InsightsFilter(Monday.AddDays(-7), Monday.AddDays(6)), TrendGrain.Week);

        Assert.Equal(["2026-10-26", "2026-11-02"], report.Trend.Select(r => r.Key));
        Assert.Equal([0, 4], report.Trend.Select(r => r.Tally.Consultations));
        Assert.Equal(25750, report.Trend[1].Tally.BasketMinor);
    }

    [Fact]
    public async Task Accessory_attach_rate_counts_each_accessory_shown_and_taken()
    {
        await RunFourConsultationsAsync();

        var report = await ReportAsync();

        // CRUMB was shown in (1), (2) and (4) and taken in (1); JAM shown in (2) and (4), taken in (4).
        // KETTLE went in as an extra, not an offered accessory, so it has no row.
        Assert.Equal([("CRUMB", 3, 1), ("JAM", 2, 1)], report.ByAccessory.Select(a => (a.Sku, a.Offered, a.Attached)).OrderBy(a => a.Sku));
    }

    [Fact]
    public async Task Talking_points_count_the_offers_they_were_on_screen_for()
    {
        await RunFourConsultationsAsync();

        var points = (await ReportAsync()).TalkingPoints;

        // TOAST-4 and TOAST-6 were offered in (1), (2) and (4); TOAST-4 was accepted in (1).
        var fourSlices = points.Single(p => p.Text == "Toasts four slices at once");
        Assert.Equal(("TOAST-4", 3, 1), (fourSlices.ProductSku, fourSlices.Shown, fourSlices.Accepted));
        Assert.Equal(1.0 / 3, fourSlices.AcceptanceRate!.Value, 9);
        Assert.Null(fourSlices.OtherAcceptanceRate);
        var banquet = points.Single(p => p.ProductSku == "TOAST-6");
        Assert.Equal((3, 0), (banquet.Shown, banquet.Accepted));
        var crumb = points.Single(p => p.ProductSku == "CRUMB");
        Assert.Equal((3, 1), (crumb.Shown, crumb.Accepted));
    }

    [Fact]
    public async Task Families_are_searched_by_any_part_of_their_name_and_at_most_twenty_are_listed()
    {
        await using (var db = database.CreateDbContext())
        {
            db.Families.AddRange(Enumerable.Range(1, 30).Select(i => new Family { Name = $"Kettle line {i:00}" }));
            await db.SaveChangesAsync();
        }

        var kettles = await insights.FamilyChoicesAsync("LINE");
        var toasters = await insights.FamilyChoicesAsync("crisp");

        Assert.Equal(InsightsService.MaxFamilyChoices, kettles.Count);
        Assert.Equal("Kettle line 01", kettles[0].Label);
        Assert.Equal(["Crisp toasters"], toasters.Select(c => c.Label));
    }

    [Fact]
    public async Task Family_search_ignores_accents_and_case_beyond_ascii()
    {
        await using (var db = database.CreateDbContext())
        {
            db.Families.AddRange(new Family { Name = "Équilibre ÉLAN" }, new Family { Name = "Straße" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Équilibre ÉLAN"], (await insights.FamilyChoicesAsync("equilibre élan")).Select(c => c.Label));
        Assert.Equal(["Straße"], (await insights.FamilyChoicesAsync("STRASSE")).Select(c => c.Label));
    }

    [Fact]
    public async Task Filters_narrow_every_figure_to_the_clerk_family_or_category()
    {
        await RunFourConsultationsAsync();
        var choices = await insights.FilterChoicesAsync();
        var kitchen = int.Parse(choices.Categories.Single(c => c.Label == "Kitchen").Key, System.Globalization.CultureInfo.InvariantCulture);
        var toasters = int.Parse((await insights.FamilyChoicesAsync("TOAST")).Single(c => c.Label == "Crisp toasters").Key, System.Globalization.CultureInfo.InvariantCulture);

        var byFamily = await insights.ReportAsync(new InsightsFilter(Monday, Monday.AddDays(6), FamilyId: toasters));
        var byCategory = await insights.ReportAsync(new InsightsFilter(Monday, Monday.AddDays(6), CategoryId: kitchen));
        var otherClerk = await insights.ReportAsync(new InsightsFilter(Monday, Monday.AddDays(6), ClerkId: TestUsers.ManagerId));
        var tuesday = await insights.ReportAsync(new InsightsFilter(Monday.AddDays(1), Monday.AddDays(1)));

        Assert.Equal(3, byFamily.Summary.Consultations);
        Assert.Equal(4, byCategory.Summary.Consultations);
        Assert.Equal(0, otherClerk.Summary.Consultations);
        Assert.Equal((1, 8200L), (tuesday.Summary.Consultations, tuesday.Summary.BasketMinor));
    }

    [Fact]
    public async Task An_empty_range_has_no_rates_rather_than_a_division_by_zero()
    {
        await RunFourConsultationsAsync();

        var report = await insights.ReportAsync(new InsightsFilter(Monday.AddDays(-30), Monday.AddDays(-1)));

        Assert.Equal(0, report.Summary.Consultations);
        Assert.Null(report.Summary.UpsellAcceptanceRate);
        Assert.Null(report.Summary.AttachRate);
        Assert.Null(report.Summary.UpliftRatio);
        Assert.Null(report.Summary.AverageBasketMinor);
        Assert.Empty(report.ByFamily);
        Assert.Empty(report.ByAccessory);
        Assert.Empty(report.TalkingPoints);
        Assert.All(report.Trend, r => Assert.Equal(0, r.Tally.Consultations));
    }

    [Fact]
    public async Task A_range_with_the_start_after_the_end_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => insights.ReportAsync(new InsightsFilter(Monday, Monday.AddDays(-1))));
        Assert.Contains("start date is after the end date", error.Message);
    }

    [Fact]
    public async Task Only_managers_see_the_figures()
    {
        var asClerk = new InsightsService(database, TestUsers.Clerk);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.ReportAsync(InsightsFilter.LastDays(Monday)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.FilterChoicesAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.FamilyChoicesAsync("toast"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.FamilyChoiceAsync(1));
    }
}
