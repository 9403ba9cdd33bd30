using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.Features.Insights;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.AbTests;

/// <summary>TOAST-4's two talking points tested against each other while clerks offer it as the up-sell of TOAST-2.</summary>
public abstract class AbTestTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AbTestTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AbTestTests(DatabaseProvider.Postgres);

    private const string FourSlices = "Toasts four slices at once";
    private const string LiftAndLook = "Lift-and-look lever checks without burning";

    private TestDatabase database = null!;
    private TalkingPointService advice = null!;
    private AbTestService abTests = null!;
    private CounterService counter = null!;
    private int toasterId;
    private int fourSlicesId;
    private int liftAndLookId;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        advice = new TalkingPointService(database, TestUsers.Manager, TimeProvider.System);
        abTests = new AbTestService(database, TestUsers.Manager, TimeProvider.System, InsightsTexts.For<AbTestText>());
        counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        await using var db = database.CreateDbContext();
        toasterId = (await db.Products.SingleAsync(p => p.Sku == "TOAST-4")).Id;
        fourSlicesId = (await db.TalkingPoints.SingleAsync(t => t.Text == FourSlices)).Id;
        liftAndLookId = (await db.TalkingPoints.SingleAsync(t => t.Text == LiftAndLook)).Id;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<(Guid Id, IReadOnlyList<string> Points)> OfferAsync()
    {
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        return (id, await PointsShownAsync(id));
    }

    private async Task<IReadOnlyList<string>> PointsShownAsync(Guid id) =>
        (await counter.GetAsync(id))!.UpsellOptions.Single(o => o.Product.Sku == "TOAST-4").Product.TalkingPoints.Select(p => p.Text).ToList();

    [Fact]
    public async Task Offers_lead_with_A_and_B_in_turn_and_leave_the_other_out()
    {
        Assert.True((await abTests.StartAsync(toasterId, fourSlicesId, liftAndLookId)).Succeeded);

        var shown = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 4; i++)
        {
            shown.Add((await OfferAsync()).Points);
        }

        Assert.Equal([[FourSlices], [LiftAndLook], [FourSlices], [LiftAndLook]], shown);
    }

    [Fact]
    public async Task A_consultation_shown_again_keeps_its_variant()
    {
        await abTests.StartAsync(toasterId, fourSlicesId, liftAndLookId);
        var (first, points) = await OfferAsync();
        await OfferAsync();

        Assert.Equal(points, await PointsShownAsync(first));
    }

    [Fact]
    public async Task Without_a_test_every_active_point_is_shown_in_order()
    {
        var (_, points) = await OfferAsync();

        Assert.Equal([FourSlices, LiftAndLook], points);
    }

    [Fact]
    public async Task The_dashboard_compares_the_variants_and_says_when_it_is_too_early_to_tell()
    {
        await abTests.StartAsync(toasterId, fourSlicesId, liftAndLookId);
        // Four customers: A, B, A, B. The first (A) takes the up-sell; the others keep their toaster.
        for (var i = 0; i < 4; i++)
        {
            var (id, _) = await OfferAsync();
            Assert.True(i == 0 ? await counter.ChooseUpsellAsync(id, "TOAST-4") : await counter.KeepOriginalAsync(id));
            await counter.ContinueToSummaryAsync(id);
            await counter.FinishAsync(id);
        }

        var report = await new InsightsService(database, TestUsers.Manager).ReportAsync(InsightsFilter.LastDays(DateOnly.FromDateTime(DateTime.UtcNow)));

        var test = Assert.Single(report.AbTests);
        Assert.Equal((FourSlices, 2, 1), (test.A.Text, test.A.Offers, test.A.Accepted));
        Assert.Equal((LiftAndLook, 2, 0), (test.B.Text, test.B.Offers, test.B.Accepted));
        Assert.False(test.Test.EnoughData);
        Assert.Null(test.Test.Winner);
    }

    [Fact]
    public async Task Retiring_a_point_of_the_pair_ends_the_test()
    {
        await abTests.StartAsync(toasterId, fourSlicesId, liftAndLookId);
        var point = (await advice.GetAsync(toasterId))!.Active.Single(p => p.Id == liftAndLookId);

        await advice.RetireAsync(point.Id, point.Version);

        Assert.Null((await advice.GetAsync(toasterId))!.AbTest);
        var (_, points) = await OfferAsync();
        Assert.Equal([FourSlices], points);
    }

    [Fact]
    public async Task One_test_per_product_and_only_of_two_active_points_of_it()
    {
        Assert.Equal(ChangeOutcome.Invalid, (await abTests.StartAsync(toasterId, fourSlicesId, fourSlicesId)).Outcome);
        await using (var db = database.CreateDbContext())
        {
            var otherProductsPoint = (await db.TalkingPoints.FirstAsync(t => t.ProductId != toasterId)).Id;
            Assert.Equal(ChangeOutcome.Invalid, (await abTests.StartAsync(toasterId, fourSlicesId, otherProductsPoint)).Outcome);
        }
        Assert.True((await abTests.StartAsync(toasterId, fourSlicesId, liftAndLookId)).Succeeded);
        Assert.Equal(ChangeOutcome.Conflict, (await abTests.StartAsync(toasterId, liftAndLookId, fourSlicesId)).Outcome);

        Assert.True((await abTests.EndAsync(toasterId)).Succeeded);
        Assert.True((await abTests.StartAsync(toasterId, liftAndLookId, fourSlicesId)).Succeeded);
    }

    [Fact]
    public async Task Only_managers_start_or_end_tests()
    {
        var asClerk = new AbTestService(database, TestUsers.Clerk, TimeProvider.System, InsightsTexts.For<AbTestText>());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.StartAsync(toasterId, fourSlicesId, liftAndLookId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.EndAsync(toasterId));
    }
}

public sealed class TwoProportionTestTests
{
    [Fact]
    public void A_clear_difference_on_enough_offers_is_significant()
    {
        // 60/100 against 40/100: pooled 0.5, standard error √(0.25 · 0.02) = 0.0707, z = 2.828, p = 0.0047.
        var test = new TwoProportionTest(60, 100, 40, 100);

        Assert.Equal(2.828, test.Z, 3);
        Assert.Equal(0.0047, test.PValue, 4);
        Assert.Equal('A', test.Winner);
    }

    [Fact]
    public void A_small_difference_is_not_significant()
    {
        // 10/30 against 12/30: z = -0.536, p = 0.592.
        var test = new TwoProportionTest(10, 30, 12, 30);

        Assert.True(test.EnoughData);
        Assert.Equal(0.592, test.PValue, 3);
        Assert.Null(test.Winner);
    }

    [Theory]
    [InlineData(5, 10, 0, 10)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(29, 29, 0, 29)]
    public void Too_few_offers_never_name_a_winner(int a, int n, int b, int m)
    {
        var test = new TwoProportionTest(a, n, b, m);

        Assert.False(test.EnoughData);
        Assert.Null(test.Winner);
        Assert.InRange(test.PValue, 0, 1);
    }
}
