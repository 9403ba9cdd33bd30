using SalesAssistant.Features.AbTests;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Insights.Dashboard;
using SalesAssistant.Store;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Dashboard;

public sealed class DashboardComponentTests : MudTestContext
{
    private static readonly Tally Counted = new()
    {
        Consultations = 4, UpsellOffered = 3, UpsellAccepted = 1, UpsellNegative = 1,
        AccessoriesOffered = 3, AccessoriesAttached = 2, AccessoriesNegative = 1, BasketMinor = 25750, BaselineMinor = 15000,
    };

    [Fact]
    public void Kpi_cards_show_rates_with_the_counts_behind_them_and_money_in_the_store_currency()
    {
        var cards = Render<KpiCards>(p => p.Add(x => x.Summary, Counted));

        Assert.Equal("4", cards.Find("[data-testid=kpi-consultations]").GetAttribute("data-value"));
        Assert.Contains("33.3%", cards.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("1 of 3", cards.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("66.7%", cards.Find("[data-testid=kpi-attach-rate]").TextContent);
        Assert.Contains("€64.38", cards.Find("[data-testid=kpi-average-basket]").TextContent);
        Assert.Contains("+€26.88", cards.Find("[data-testid=kpi-average-uplift]").TextContent);
        Assert.Contains("+71.7%", cards.Find("[data-testid=kpi-average-uplift]").TextContent);
        Assert.Equal("107.50", cards.Find("[data-testid=kpi-total-uplift]").GetAttribute("data-value"));
    }

    [Fact]
    public void Kpi_cards_say_no_data_when_nothing_was_offered()
    {
        var cards = Render<KpiCards>(p => p.Add(x => x.Summary, Tally.Empty));

        foreach (var id in new[] { "kpi-upsell-rate", "kpi-attach-rate", "kpi-upsell-negative-rate", "kpi-average-basket", "kpi-total-uplift" })
        {
            Assert.Contains(Figures.NoData, cards.Find($"[data-testid={id}]").TextContent);
            Assert.Equal("", cards.Find($"[data-testid={id}]").GetAttribute("data-value"));
        }
    }

    [Fact]
    public void A_breakdown_table_lists_each_row_with_its_rates_or_says_there_is_no_data()
    {
        var table = Render<TallyTable>(p => p
            .Add(x => x.Title, "Per clerk").Add(x => x.KeyHeader, "Clerk").Add(x => x.TestId, "by-clerk")
            .Add(x => x.Rows, [new TallyRow("clerk-1", "Aoife", Counted)]));
        var empty = Render<TallyTable>(p => p
            .Add(x => x.Title, "Per clerk").Add(x => x.KeyHeader, "Clerk").Add(x => x.TestId, "by-clerk").Add(x => x.Rows, []));

        var row = table.Find("[data-testid=figure-row]");
        Assert.Contains("Aoife", row.TextContent);
        Assert.Equal("0.3333", row.QuerySelector("[data-testid=upsell-rate]")!.GetAttribute("data-value"));
        Assert.Contains("33.3% (1/3)", row.QuerySelector("[data-testid=upsell-negative-rate]")!.TextContent);
        Assert.Equal("No data for this range.", empty.Find("[data-testid=no-data]").TextContent);
    }

    [Fact]
    public void An_ab_test_with_a_clear_difference_names_the_better_point_and_the_p_value()
    {
        var card = Render<AbTestCard>(p => p.Add(x => x.Result, AbResult(60, 100, 40, 100)));

        var verdict = card.Find("[data-testid=ab-verdict]");
        Assert.Equal("A", verdict.GetAttribute("data-winner"));
        Assert.Contains("A works better", verdict.TextContent);
        Assert.Contains("p = 0.005", verdict.TextContent);
        Assert.Equal("100", card.Find("[data-testid=ab-variant-B]").GetAttribute("data-offers"));
    }

    [Fact]
    public void An_ab_test_with_few_offers_says_it_is_too_early_to_tell()
    {
        var card = Render<AbTestCard>(p => p.Add(x => x.Result, AbResult(3, 4, 0, 4)));

        var verdict = card.Find("[data-testid=ab-verdict]");
        Assert.Equal("", verdict.GetAttribute("data-winner"));
        Assert.Contains("Too early to tell", verdict.TextContent);
        Assert.Contains("So far 4 and 4", verdict.TextContent);
    }

    [Fact]
    public void An_ab_test_with_enough_offers_but_a_small_gap_says_there_is_no_clear_difference()
    {
        var card = Render<AbTestCard>(p => p.Add(x => x.Result, AbResult(10, 30, 12, 30)));

        Assert.Contains("No clear difference yet (p = 0.592", card.Find("[data-testid=ab-verdict]").TextContent);
    }

    [Fact]
    public void The_trend_says_so_when_the_range_has_no_consultations()
    {
        var trend = Render<TrendChart>(p => p.Add(x => x.Trend, [new TallyRow("2026-11-02", "Mon 2 Nov", Tally.Empty)]));

        Assert.Contains("No finished consultations", trend.Find("[data-testid=no-data]").TextContent);
    }

    [Fact]
    public void The_trend_table_has_a_row_per_period()
    {
        var trend = Render<TrendChart>(p => p.Add(x => x.Trend,
            [new TallyRow("2026-11-02", "Mon 2 Nov", Counted), new TallyRow("2026-11-03", "Tue 3 Nov", Tally.Empty)]));

        Assert.Equal(["2026-11-02", "2026-11-03"], trend.FindAll("[data-testid=trend-row]").Select(r => r.GetAttribute("data-key")));
    }

    [Fact]
    public void Under_Polish_the_kpi_cards_name_the_figures_in_Polish_and_say_there_is_no_data()
    {
        using var polish = InLanguage.Polish();

        var counted = Render<KpiCards>(p => p.Add(x => x.Summary, Counted));
        var empty = Render<KpiCards>(p => p.Add(x => x.Summary, Tally.Empty));

        Assert.Contains("Skuteczność up-sellingu", counted.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("1 z 3", counted.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.Contains("Dosprzedaż akcesoriów", counted.Find("[data-testid=kpi-attach-rate]").TextContent);
        Assert.Contains("Negatywne reakcje przy up-sellingu", counted.Find("[data-testid=kpi-upsell-negative-rate]").TextContent);
        Assert.Contains("Średnia wartość koszyka", counted.Find("[data-testid=kpi-average-basket]").TextContent);
        Assert.Contains("względem pierwotnego wyboru", counted.Find("[data-testid=kpi-average-uplift]").TextContent);
        Assert.Contains("brak danych", empty.Find("[data-testid=kpi-upsell-rate]").TextContent);
        Assert.DoesNotContain(Figures.NoData, empty.Find("[data-testid=kpis]").TextContent);
    }

    [Fact]
    public void Under_Polish_an_ab_test_with_few_offers_says_it_is_too_early_to_tell_in_Polish()
    {
        using var polish = InLanguage.Polish();

        var card = Render<AbTestCard>(p => p.Add(x => x.Result, AbResult(3, 4, 0, 4)));

        var verdict = card.Find("[data-testid=ab-verdict]").TextContent;
        Assert.Contains("Za wcześnie na wnioski", verdict);
        Assert.Contains("co najmniej 30 propozycji (w tym co najmniej 5 przyjętych i 5 odrzuconych)", verdict);
        Assert.Contains("Na razie: 4 i 4.", verdict);
        Assert.Contains("Trwa od " + new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("pl-PL")), card.Markup);
        Assert.Contains("Argument sprzedażowy", card.Find("thead").TextContent);
    }

    [Fact]
    public void Under_Polish_an_ab_test_with_a_clear_difference_names_the_winning_variant_in_Polish()
    {
        using var polish = InLanguage.Polish();

        var card = Render<AbTestCard>(p => p.Add(x => x.Result, AbResult(60, 100, 40, 100)));

        Assert.Contains("Wariant A działa lepiej", card.Find("[data-testid=ab-verdict]").TextContent);
    }

    [Fact]
    public void Under_Polish_the_trend_names_its_periods_and_series_in_Polish()
    {
        using var polish = InLanguage.Polish();

        var trend = Render<TrendChart>(p => p.Add(x => x.Grain, TrendGrain.Week).Add(x => x.Trend,
            [new TallyRow("2026-11-02", "Week of 2 Nov", Counted), new TallyRow("2026-11-09", "Week of 9 Nov", Tally.Empty)]));

        Assert.Contains("Trend tygodniowy", trend.Markup);
        var november = new DateOnly(2026, 11, 2).ToString("d MMM", System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));
        Assert.Equal("Tydzień od " + november, trend.FindAll("[data-testid=trend-row]")[0].QuerySelector("td")!.TextContent);
        Assert.Contains("brak danych", trend.FindAll("[data-testid=trend-row]")[1].TextContent);
    }

    [Fact]
    public void The_trend_names_days_in_English_as_before()
    {
        var trend = Render<TrendChart>(p => p.Add(x => x.Trend,
            [new TallyRow("2026-11-02", "Mon 2 Nov", Counted), new TallyRow("2026-11-03", "Tue 3 Nov", Tally.Empty)]));

        Assert.Equal(["Mon 2 Nov", "Tue 3 Nov"], trend.FindAll("[data-testid=trend-row]").Select(r => r.QuerySelector("td")!.TextContent));
    }

    private static AbTestResult AbResult(int acceptedA, int offersA, int acceptedB, int offersB) => new(
        1, "TOAST-4", "Toaster Quattro", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), null,
        new AbVariant(11, "Toasts four slices at once", offersA, acceptedA),
        new AbVariant(12, "Lift-and-look lever checks without burning", offersB, acceptedB),
        new TwoProportionTest(acceptedA, offersA, acceptedB, offersB));
}
