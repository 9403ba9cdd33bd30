using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Insights;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

/// <summary>
/// A database made by the app as it was before the code moved into Data/ (commit b437cf8: `dotnet run` with the demo
/// catalog and 60 demo consultations, kept in Data/Fixtures) opens with today's model and upgrades cleanly.
/// </summary>
public sealed class ExistingDatabaseUpgradeTests : IAsyncLifetime
{
    private static readonly string[] MigrationsOfThatDatabase =
    [
        "20261124030406_InitialCreate",
        "20261124080406_Insights",
        "20261125111853_ProductFullTextSearch",
        "20261125115036_ProductLookupIndexes",
        "20261125134952_FamilySearchName",
    ];

    private TestDatabase database = null!;

    public ValueTask InitializeAsync()
    {
        database = TestDatabase.CopyOf(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "main-b437cf8.db"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task StartTheAppsInitializersAsync()
    {
        await new DatabaseMigrator(database).StartAsync(CancellationToken.None);
        await new CatalogInitializer(database, new CatalogLoader(database, NullLogger<CatalogLoader>.Instance),
            Options.Create(new CatalogOptions { SeedFile = "Catalog/Seed/demo-catalog.csv" }),
            new TestHostEnvironment(), NullLogger<CatalogInitializer>.Instance).StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Its_schema_history_is_unchanged_and_nothing_is_pending()
    {
        await StartTheAppsInitializersAsync();

        await using var db = database.CreateDbContext();
        var history = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """).ToListAsync();
        // Its own five are kept as they were (moving the migrations to Data/ renamed nothing); later ones are added.
        Assert.Equal(MigrationsOfThatDatabase, history.Take(MigrationsOfThatDatabase.Length));
        Assert.Equal(db.Database.GetMigrations(), history);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Its_catalog_consultations_offers_and_accounts_are_read_through_the_moved_entities()
    {
        await StartTheAppsInitializersAsync();

        await using var db = database.CreateDbContext();
        Assert.Equal(122, await db.Products.CountAsync());
        var consultations = await db.Consultations.Include(c => c.Lines).Include(c => c.Offers).ThenInclude(o => o.TalkingPoints).ToListAsync();
        Assert.Equal(60, consultations.Count);
        Assert.All(consultations, c => Assert.Contains(c.Lines, l => l.Role == BasketLineRole.Main));
        Assert.Equal(318, consultations.Sum(c => c.Offers.Count));
        Assert.Equal(30, await db.SaleOrders.CountAsync());
        Assert.Equal(5, await db.Users.CountAsync());
        Assert.All(consultations, c => Assert.NotNull(c.ClerkId));
    }

    [Fact]
    public async Task The_dashboard_and_the_counter_work_on_it()
    {
        await StartTheAppsInitializersAsync();

        var report = await new InsightsService(database, TestUsers.Manager).ReportAsync(new InsightsFilter(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 2)));
        Assert.Equal(60, report.Summary.Consultations);
        Assert.Single(report.AbTests);

        var counter = new SalesAssistant.Features.Counter.CounterService(database, TimeProvider.System, TestUsers.Clerk);
        await using var db = database.CreateDbContext();
        db.Users.AddRange(TestUsers.All);
        await db.SaveChangesAsync();
        var sku = await db.Products.Where(p => p.Tier == 1 && p.Stock > 0).OrderBy(p => p.Id).Select(p => p.Sku).FirstAsync();
        var id = await counter.StartAsync(sku);
        Assert.Equal(sku, (await counter.GetAsync(id!.Value))!.Baseline.Sku);
    }
}
