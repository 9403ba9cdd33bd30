using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Insights.DemoHistory;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.DemoHistory;

public abstract class DemoHistoryTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : DemoHistoryTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DemoHistoryTests(DatabaseProvider.Postgres);

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);
    private static readonly string DemoCatalog = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "Seed", "demo-catalog.csv"));
    private static readonly DemoHistoryOptions Small = new() { Enabled = true, Consultations = 400, TillOrders = 200, Days = 28, Seed = 7 };

    private readonly List<TestDatabase> databases = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<TestDatabase> FreshAsync()
    {
        var database = await TestDatabase.WithCatalogAsync(provider, DemoCatalog);
        databases.Add(database);
        return database;
    }

    private static async Task<DemoHistoryOutcome> FillAsync(TestDatabase database, DemoHistoryOptions options)
    {
        await using var db = database.CreateDbContext();
        return await DemoHistoryGenerator.FillAsync(db, options, Now);
    }

    private static Task<InsightsReport> ReportAsync(TestDatabase database) =>
        new InsightsService(database, TestUsers.Manager).ReportAsync(InsightsFilter.LastDays(DateOnly.FromDateTime(Now.UtcDateTime), 28));

    [Fact]
    public async Task It_fills_an_empty_database_with_demo_consultations_and_till_orders_of_the_range()
    {
        var database = await FreshAsync();

        Assert.Equal(DemoHistoryOutcome.Generated, await FillAsync(database, Small));

        await using var db = database.CreateDbContext();
        Assert.Equal(400, await db.Consultations.CountAsync(c => c.IsDemo && c.Step == ConsultationStep.Finished));
        Assert.Equal(200, await db.SaleOrders.CountAsync(o => o.IsDemo));
        var report = await ReportAsync(database);
        Assert.Equal((400, 400), (report.Summary.Consultations, report.DemoConsultations));
        // Realistic, not degenerate: some up-sells taken, some refused, accessories attached, baskets above the original choice.
        Assert.InRange(report.Summary.UpsellAcceptanceRate!.Value, 0.15, 0.6);
        Assert.InRange(report.Summary.UpsellNegativeRate!.Value, 0.02, 0.3);
        Assert.InRange(report.Summary.AttachRate!.Value, 0.2, 0.8);
        Assert.True(report.Summary.UpliftMinor > 0);
        Assert.Equal(4, report.ByClerk.Count);
        Assert.NotEmpty(report.TalkingPoints);
        var abTest = Assert.Single(report.AbTests);
        Assert.NotNull(abTest.EndedAt);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_history()
    {
        var first = await FreshAsync();
        var second = await FreshAsync();
        var third = await FreshAsync();

        await FillAsync(first, Small);
        await FillAsync(second, Small);
        await FillAsync(third, new DemoHistoryOptions { Consultations = Small.Consultations, TillOrders = Small.TillOrders, Days = Small.Days, Seed = 8 });

        var (a, b, c) = (await ReportAsync(first), await ReportAsync(second), await ReportAsync(third));
        Assert.Equal(a.Summary, b.Summary);
        Assert.Equal(a.Trend.Select(r => r.Tally), b.Trend.Select(r => r.Tally));
        Assert.NotEqual(a.Summary, c.Summary);
    }

    [Fact]
    public async Task It_never_mixes_into_a_database_with_real_consultations()
    {
        var database = await FreshAsync();
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        await counter.StartAsync("CAM-ALP-100");

        Assert.Equal(DemoHistoryOutcome.RefusedRealDataExists, await FillAsync(database, Small));

        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Consultations.CountAsync(c => c.IsDemo));
    }

    [Fact]
    public async Task Running_it_again_adds_nothing()
    {
        var database = await FreshAsync();
        await FillAsync(database, Small);

        Assert.Equal(DemoHistoryOutcome.AlreadyPresent, await FillAsync(database, Small));

        await using var db = database.CreateDbContext();
        Assert.Equal(400, await db.Consultations.CountAsync());
    }

    [Fact]
    public async Task Removing_the_demo_history_keeps_real_consultations()
    {
        var database = await FreshAsync();
        await FillAsync(database, Small);
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var real = (await counter.StartAsync("CAM-ALP-100"))!.Value;

        var removed = await new InsightsService(database, TestUsers.Manager).RemoveDemoHistoryAsync();

        Assert.Equal(400, removed);
        await using var db = database.CreateDbContext();
        Assert.Equal([real], await db.Consultations.Select(c => c.Id).ToListAsync());
        Assert.Equal(0, await db.SaleOrders.CountAsync());
        Assert.Equal(0, await db.Offers.CountAsync(o => o.ConsultationId != real));
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith(DemoHistoryGenerator.DemoEmailDomain)));
    }
}
