using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.AccessoryLinks;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights.Sales;
using SalesAssistant.Features.Insights.Together;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.Features.Insights.Sales;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Together;

/// <summary>
/// Baskets of <see cref="SalesImportServiceTests.FiveOrders"/>: TOAST-2 in 3 of 5 (T-1, T-2, T-3), JAM in 3 (T-1, T-2, T-4),
/// KETTLE in 2 (T-3, T-4), CAFFE in 1. JAM is already an accessory of TOAST-2 (and of CAFFE) in the test catalog.
/// </summary>
public abstract class TogetherServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : TogetherServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TogetherServiceTests(DatabaseProvider.Postgres);

    private static readonly TogetherQuery Week = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;
    private TogetherService together = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        together = new TogetherService(database, TestUsers.Manager, new AccessoryLinkService(database, TestUsers.Manager, clock));
        var sales = new SalesImportService(database, TestUsers.Manager, clock, InsightsTexts.Localizer);
        Assert.True((await sales.ApplyAsync(Encoding.UTF8.GetBytes(SalesImportServiceTests.FiveOrders), "till.csv")).IsValid);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Support_confidence_and_lift_match_a_hand_count()
    {
        var suggestions = await together.SuggestAsync(Week with { MinTogether = 2 });

        // TOAST-2 → JAM shares 2 baskets but is already linked; JAM → TOAST-2 is not.
        var jamThenToaster = Assert.Single(suggestions);
        Assert.Equal(("JAM", "TOAST-2"), (jamThenToaster.MainSku, jamThenToaster.OtherSku));
        Assert.Equal((2, 3, 3, 5), (jamThenToaster.Together, jamThenToaster.MainBaskets, jamThenToaster.OtherBaskets, jamThenToaster.Baskets));
        Assert.Equal(2.0 / 5, jamThenToaster.Support, 9);
        Assert.Equal(2.0 / 3, jamThenToaster.Confidence, 9);
        Assert.Equal(2.0 * 5 / (3 * 3), jamThenToaster.Lift, 9);
    }

    [Fact]
    public async Task Pairs_rank_by_lift_and_existing_accessory_links_are_left_out()
    {
        var suggestions = await together.SuggestAsync(Week with { MinTogether = 1 });

        Assert.Equal(("JAM", "TOAST-2"), (suggestions[0].MainSku, suggestions[0].OtherSku));
        Assert.DoesNotContain(suggestions, s => s is { MainSku: "TOAST-2", OtherSku: "JAM" });
        Assert.Contains(suggestions, s => s is { MainSku: "TOAST-2", OtherSku: "KETTLE", Together: 1 });
        Assert.All(suggestions.Skip(1), s => Assert.True(s.Lift <= suggestions[0].Lift));
    }

    [Fact]
    public async Task Finished_consultations_count_as_baskets_beside_the_till_orders()
    {
        var counter = new CounterService(database, clock, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        await counter.KeepOriginalAsync(id);
        await counter.AddProductAsync(id, "KETTLE");
        await counter.ContinueToSummaryAsync(id);
        await counter.FinishAsync(id);

        var suggestion = (await together.SuggestAsync(Week with { MinTogether = 2 })).Single(s => s is { MainSku: "TOAST-2", OtherSku: "KETTLE" });

        // Six baskets now; TOAST-2 in 4, KETTLE in 3, both in T-3 and the consultation.
        Assert.Equal((2, 4, 3, 6), (suggestion.Together, suggestion.MainBaskets, suggestion.OtherBaskets, suggestion.Baskets));
        var baskets = await together.BasketsAsync(Week, suggestion.MainProductId, suggestion.OtherProductId);
        Assert.Equal(["Counter", "Till"], baskets.Select(b => b.Source).Order());
        Assert.Contains(baskets, b => b.Reference == "T-3" && b.Products.Contains("Toaster Duo"));
    }

    [Fact]
    public async Task A_range_without_baskets_suggests_nothing()
    {
        Assert.Empty(await together.SuggestAsync(new TogetherQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 1)));
    }

    [Fact]
    public async Task Linking_a_suggestion_makes_it_an_accessory_recorded_in_the_catalog_history()
    {
        var suggestion = Assert.Single(await together.SuggestAsync(Week with { MinTogether = 2 }));

        Assert.True((await together.LinkAsync(suggestion)).Succeeded);

        await using var db = database.CreateDbContext();
        Assert.True(await db.AccessoryLinks.AnyAsync(a => a.ProductId == suggestion.MainProductId && a.AccessoryId == suggestion.OtherProductId));
        var change = await db.CatalogChanges.SingleAsync(c => c.ProductId == suggestion.MainProductId);
        Assert.Equal(CatalogChangeKind.AccessoryLinked, change.Kind);
        Assert.Contains("frequently bought together: in 2 of 3 baskets", change.Summary);
        Assert.Equal(TestUsers.ManagerId, change.ChangedById);
        Assert.Empty(await together.SuggestAsync(Week with { MinTogether = 2 }));
    }

    [Fact]
    public async Task Only_managers_see_or_link_suggestions()
    {
        var asClerk = new TogetherService(database, TestUsers.Clerk, new AccessoryLinkService(database, TestUsers.Clerk, clock));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.SuggestAsync(Week));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.BasketsAsync(Week, 1, 2));
        var suggestion = Assert.Single(await together.SuggestAsync(Week with { MinTogether = 2 }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asClerk.LinkAsync(suggestion));
    }
}
