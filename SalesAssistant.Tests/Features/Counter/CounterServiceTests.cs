using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public abstract class CounterServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CounterServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CounterServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private CounterService counter = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<(Guid Id, ConsultationView View)> StartAsync(string sku)
    {
        var id = await counter.StartAsync(sku);
        Assert.NotNull(id);
        return (id.Value, (await counter.GetAsync(id.Value))!);
    }

    [Fact]
    public async Task Upsell_offers_the_higher_tiers_in_stock_cheapest_first_with_price_differences()
    {
        var (_, view) = await StartAsync("TOAST-2");

        Assert.Equal(ConsultationStep.Upsell, view.Step);
        Assert.Equal("TOAST-2", view.Baseline.Sku);
        Assert.Equal(["TOAST-4", "TOAST-6"], view.UpsellOptions.Select(o => o.Product.Sku));
        Assert.Equal([new Money(6000), new Money(18000)], view.UpsellOptions.Select(o => o.PriceDelta));
        Assert.Equal([2, 4], view.UpsellOptions.Select(o => o.Product.Tier));
    }

    [Fact]
    public async Task An_option_shows_only_the_specs_that_differ_from_the_baseline_and_its_talking_points()
    {
        var (_, view) = await StartAsync("TOAST-2");

        var banquet = view.UpsellOptions.Single(o => o.Product.Sku == "TOAST-6");
        Assert.Equal(
            [new SpecDifference("Slots", "2", "6"), new SpecDifference("Power", "800 W", "2000 W"), new SpecDifference("Timer", null, "Yes")],
            banquet.Differences);
        Assert.Equal(["Six slices: breakfast for a big family in one go"], banquet.Product.TalkingPoints.Select(p => p.Text));
    }

    [Fact]
    public async Task A_product_without_a_higher_tier_goes_straight_to_accessories()
    {
        var (_, view) = await StartAsync("TOAST-6");

        Assert.Equal(ConsultationStep.Accessories, view.Step);
        Assert.Equal(UpsellOutcome.NotOffered, view.UpsellOutcome);
        Assert.Empty(view.UpsellOptions);
    }

    [Fact]
    public async Task A_product_without_a_family_goes_straight_to_accessories()
    {
        var (_, view) = await StartAsync("CAFFE");

        Assert.Equal(ConsultationStep.Accessories, view.Step);
        Assert.Equal(UpsellOutcome.NotOffered, view.UpsellOutcome);
        Assert.Equal(["JAM"], view.Accessories.Select(a => a.Sku));
    }

    [Fact]
    public async Task Choosing_an_upsell_replaces_the_main_product_and_offers_its_accessories()
    {
        var (id, _) = await StartAsync("TOAST-2");

        Assert.True(await counter.ChooseUpsellAsync(id, "TOAST-4"));

        var view = (await counter.GetAsync(id))!;
        Assert.Equal(ConsultationStep.Accessories, view.Step);
        Assert.Equal(UpsellOutcome.Accepted, view.UpsellOutcome);
        Assert.Equal("TOAST-4", view.MainProduct.Sku);
        Assert.Equal(["TOAST-4"], view.Basket.Lines.Select(l => l.Sku));
        Assert.Equal(new Money(6000), view.Basket.Uplift);
        Assert.Equal(["CRUMB"], view.Accessories.Select(a => a.Sku));
    }

    [Fact]
    public async Task An_out_of_stock_tier_cannot_be_chosen()
    {
        var (id, _) = await StartAsync("TOAST-2");

        Assert.False(await counter.ChooseUpsellAsync(id, "TOAST-4X"));
        Assert.Equal(ConsultationStep.Upsell, (await counter.GetAsync(id))!.Step);
    }

    [Fact]
    public async Task A_negative_reaction_on_upsell_stops_it_keeps_the_choice_and_is_recorded()
    {
        var (id, _) = await StartAsync("TOAST-2");

        Assert.True(await counter.RecordReactionAsync(id, CustomerReaction.Negative));

        var view = (await counter.GetAsync(id))!;
        Assert.Equal(ConsultationStep.Accessories, view.Step);
        Assert.Equal(UpsellOutcome.StoppedByNegativeReaction, view.UpsellOutcome);
        Assert.Empty(view.UpsellOptions);
        Assert.Equal("TOAST-2", view.MainProduct.Sku);
        await using var db = database.CreateDbContext();
        var reaction = await db.Reactions.SingleAsync(r => r.ConsultationId == id);
        Assert.Equal((OfferStep.Upsell, CustomerReaction.Negative), (reaction.Step, reaction.Reaction));
    }

    [Fact]
    public async Task Positive_and_neutral_reactions_are_recorded_and_the_offers_stay()
    {
        var (id, _) = await StartAsync("TOAST-2");

        await counter.RecordReactionAsync(id, CustomerReaction.Positive);
        await counter.RecordReactionAsync(id, CustomerReaction.Neutral);

        Assert.Equal(2, (await counter.GetAsync(id))!.UpsellOptions.Count);
        await using var db = database.CreateDbContext();
        Assert.Equal([CustomerReaction.Positive, CustomerReaction.Neutral], await db.Reactions.Where(r => r.ConsultationId == id).OrderBy(r => r.Id).Select(r => r.Reaction).ToListAsync());
    }

    [Fact]
    public async Task Accessories_come_in_priority_order_without_the_out_of_stock_ones_and_toggle_in_and_out_of_the_basket()
    {
        var (id, _) = await StartAsync("TOAST-2");
        await counter.KeepOriginalAsync(id);

        var offered = (await counter.GetAsync(id))!.Accessories;
        Assert.Equal(["CRUMB", "JAM"], offered.Select(a => a.Sku));
        Assert.Equal("Keeps the toaster clean and safe", offered[0].Reason);

        Assert.True(await counter.ToggleAccessoryAsync(id, "JAM"));
        Assert.True(await counter.ToggleAccessoryAsync(id, "CRUMB"));
        Assert.True(await counter.ToggleAccessoryAsync(id, "JAM"));
        var view = (await counter.GetAsync(id))!;

        Assert.Equal(["TOAST-2", "CRUMB"], view.Basket.Lines.Select(l => l.Sku));
        Assert.Equal(new Money(4550), view.Basket.Total);
        Assert.Equal([true, false], view.Accessories.Select(a => a.InBasket));
        Assert.False(await counter.ToggleAccessoryAsync(id, "BAG-OUT"));
    }

    [Fact]
    public async Task A_negative_reaction_on_accessories_stops_them_and_keeps_the_basket()
    {
        var (id, _) = await StartAsync("TOAST-2");
        await counter.KeepOriginalAsync(id);
        await counter.ToggleAccessoryAsync(id, "CRUMB");

        await counter.RecordReactionAsync(id, CustomerReaction.Negative);

        var view = (await counter.GetAsync(id))!;
        Assert.Equal(ConsultationStep.Summary, view.Step);
        Assert.True(view.AccessoriesStoppedByNegativeReaction);
        Assert.Empty(view.Accessories);
        Assert.Equal(["TOAST-2", "CRUMB"], view.Basket.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task The_summary_shows_total_and_uplift_and_finishing_records_the_outcome()
    {
        var (id, _) = await StartAsync("TOAST-2");
        await counter.ChooseUpsellAsync(id, "TOAST-4");
        await counter.ToggleAccessoryAsync(id, "CRUMB");
        await counter.ContinueToSummaryAsync(id);

        var summary = (await counter.GetAsync(id))!;
        Assert.Equal(new Money(10550), summary.Basket.Total);
        Assert.Equal(new Money(6550), summary.Basket.Uplift);
        Assert.Equal(1.6375m, summary.Basket.UpliftRatio);

        Assert.True(await counter.FinishAsync(id));
        Assert.False(await counter.FinishAsync(id));

        await using var db = database.CreateDbContext();
        var stored = await db.Consultations.Include(c => c.Lines).SingleAsync(c => c.Id == id);
        Assert.Equal(ConsultationStep.Finished, stored.Step);
        Assert.NotNull(stored.FinishedAt);
        Assert.Equal(UpsellOutcome.Accepted, stored.UpsellOutcome);
        Assert.True(stored.AccessoriesOffered);
        Assert.Equal(4000, stored.BaselinePriceMinor);
        Assert.Equal(10550, stored.Lines.Sum(l => l.UnitPriceMinor));
    }

    [Fact]
    public async Task Actions_that_do_not_fit_the_current_step_change_nothing()
    {
        var (id, _) = await StartAsync("TOAST-2");

        Assert.False(await counter.ToggleAccessoryAsync(id, "CRUMB"));
        Assert.False(await counter.FinishAsync(id));
        Assert.False(await counter.ContinueToSummaryAsync(id));
        Assert.True(await counter.KeepOriginalAsync(id));
        Assert.False(await counter.KeepOriginalAsync(id));
        Assert.False(await counter.ChooseUpsellAsync(id, "TOAST-4"));

        var view = (await counter.GetAsync(id))!;
        Assert.Equal(UpsellOutcome.KeptOriginal, view.UpsellOutcome);
        Assert.Equal(["TOAST-2"], view.Basket.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task Unknown_products_and_consultations_are_reported_as_missing()
    {
        Assert.Null(await counter.StartAsync("NOPE"));
        Assert.Null(await counter.GetAsync(Guid.NewGuid()));
        Assert.False(await counter.RecordReactionAsync(Guid.NewGuid(), CustomerReaction.Negative));
    }

    [Fact]
    public async Task A_consultation_records_the_clerk_who_ran_it()
    {
        var (id, _) = await StartAsync("TOAST-2");

        await using var db = database.CreateDbContext();
        Assert.Equal(TestUsers.ClerkId, (await db.Consultations.SingleAsync(c => c.Id == id)).ClerkId);
    }

    [Fact]
    public async Task Someone_not_signed_in_can_neither_start_read_nor_change_a_consultation()
    {
        var (id, _) = await StartAsync("TOAST-2");
        var anonymous = new CounterService(database, TimeProvider.System, TestUsers.Anonymous);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.StartAsync("TOAST-2"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.GetAsync(id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.KeepOriginalAsync(id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.RecordReactionAsync(id, CustomerReaction.Negative));
        Assert.Equal(ConsultationStep.Upsell, (await counter.GetAsync(id))!.Step);
    }

    [Fact]
    public async Task A_consultation_reads_the_same_from_a_fresh_service_as_after_a_reload()
    {
        var (id, _) = await StartAsync("TOAST-2");
        await counter.ChooseUpsellAsync(id, "TOAST-6");

        var reloaded = await new CounterService(database, TimeProvider.System, TestUsers.Clerk).GetAsync(id);

        Assert.Equal(ConsultationStep.Accessories, reloaded!.Step);
        Assert.Equal("TOAST-6", reloaded.MainProduct.Sku);
    }
}
