using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Insights.DemoHistory;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

/// <summary>
/// A database as the app left it before the code moved into Data/ (commit b437cf8): only the five migrations of that
/// day applied, the demo catalog and 60 demo consultations written into it. It opens with today's model and upgrades
/// cleanly. The database is made here, at run time, rather than kept as a file. SQLite only: PostgreSQL came later, with
/// migrations of its own, so no PostgreSQL database of that day exists.
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

    public async ValueTask InitializeAsync()
    {
        database = TestDatabase.Empty(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        await SqliteSetup.UseWriteAheadLogAsync(db);
        await db.GetService<IMigrator>().MigrateAsync(MigrationsOfThatDatabase[^1]);
        // Today's entities write that database's rows; the account column added since (UserLanguage) exists only while they do.
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AspNetUsers" ADD COLUMN "Language" TEXT NULL""");
        var seed = await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance)
            .LoadFileIntoEmptyCatalogAsync(Path.Combine(AppContext.BaseDirectory, "Catalog", "Seed", "demo-catalog.csv"));
        Assert.True(seed.IsValid, seed.DescribeErrors());
        db.Users.Add(new SalesAssistant.Accounts.AppUser { UserName = "manager@store.local", Email = "manager@store.local", DisplayName = "Manager" });
        await db.SaveChangesAsync();
        var history = new DemoHistoryOptions { Enabled = true, Consultations = 60, TillOrders = 30, Days = 56, Seed = 2026 };
        Assert.Equal(DemoHistoryOutcome.Generated, await DemoHistoryGenerator.FillAsync(db, history, new DateTimeOffset(2026, 12, 2, 4, 18, 0, TimeSpan.Zero)));
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AspNetUsers" DROP COLUMN "Language" """);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task StartTheAppsInitializersAsync()
    {
        await new DatabaseMigrator(database).StartAsync(CancellationToken.None);
        await new CatalogInitializer(database, new CatalogLoader(database, NullLogger<CatalogLoader>.Instance),
            Options.Create(new CatalogOptions { SeedFile = "Catalog/Seed/demo-catalog.csv" }), TestStore.Cultures(),
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
        Assert.True(consultations.Sum(c => c.Offers.Count) > 0);
        Assert.Equal(await db.Offers.CountAsync(), consultations.Sum(c => c.Offers.Count));
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
