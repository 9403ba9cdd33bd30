using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SalesAssistant.Accounts;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Insights.DemoHistory;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

/// <summary>
/// Two app servers, real processes, started at once against one new PostgreSQL database: the migrations, the seed
/// catalog, the roles and the first manager, the demo history and the data-protection key each happen once.
/// </summary>
public sealed class FirstStartTests
{
    private const int DemoConsultations = 40;
    private const int DemoTillOrders = 20;
    private const int SeedProducts = 20_000;

    [Fact]
    public async Task Two_app_servers_starting_at_once_on_a_new_database_fill_it_once()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("sales-first-start-").FullName;
        try
        {
            await StartTwoServersAtOnceAsync(database, folder);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task StartTwoServersAtOnceAsync(string database, string folder)
    {
        // Large enough that loading it takes a while: a second server not kept waiting would find the catalog still empty.
        var seedFile = Path.Combine(folder, "catalog.csv");
        await using (var file = File.Create(seedFile))
        {
            new CatalogGenerator(SeedProducts, seed: 13).Write(file);
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Catalog"] = TestPostgres.ConnectionString(database),
            ["Catalog:SeedFile"] = seedFile,
            ["Manager:Email"] = AppServer.ManagerEmail,
            ["Manager:Password"] = AppServer.ManagerPassword,
            ["DemoHistory:Enabled"] = "true",
            ["DemoHistory:Consultations"] = $"{DemoConsultations}",
            ["DemoHistory:TillOrders"] = $"{DemoTillOrders}",
        };

        // A starting gate: the first-start lock held here until both servers wait for it, so that they surely meet there.
        await using (var gate = new NpgsqlConnection(TestPostgres.ConnectionString(database, pooling: false)))
        {
            await gate.OpenAsync();
            await ExecuteAsync(gate, $"SELECT pg_advisory_lock({FirstStartLock.LockKey})");
            var ports = AppInstance.FreeLoopbackPorts(2);
            await using var first = await AppInstance.StartAsync(settings, ports[0]);
            await using var second = await AppInstance.StartAsync(settings, ports[1]);
            await WaitUntilAsync(async () => await ServersWaitingAsync(gate) == 2, TimeSpan.FromMinutes(1),
                () => $"Both servers never waited for the first-start lock.\nFirst:\n{first.Log}\nSecond:\n{second.Log}");
            await gate.CloseAsync();

            await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
        }

        await using var db = new DatabaseSettings(DatabaseProvider.Postgres, TestPostgres.ConnectionString(database)).CreateFactory().CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM "__EFMigrationsHistory" """).SingleAsync());
        Assert.Equal(SeedProducts, await db.Products.CountAsync());
        Assert.Equal([AppRoles.Clerk, AppRoles.Manager], await db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync());
        var managerRole = await db.Roles.Where(r => r.Name == AppRoles.Manager).Select(r => r.Id).SingleAsync();
        Assert.Equal([AppServer.ManagerEmail], await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == managerRole)).Select(u => u.Email!).ToListAsync());
        Assert.Equal(DemoConsultations, await db.Consultations.CountAsync(c => c.IsDemo));
        Assert.Equal(DemoTillOrders, await db.SaleOrders.CountAsync(o => o.IsDemo));
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public void The_first_start_lock_is_held_from_before_the_migrations_until_after_every_service_that_fills_a_new_database()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.AddSalesAssistant();
        using var app = builder.Build();

        // The host starts its hosted services one after the other, in this order, each awaited before the next.
        Assert.False(app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ServicesStartConcurrently);
        var order = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        var lockTaken = order.IndexOf(typeof(DatabaseMigrator));
        var lockReleased = order.IndexOf(typeof(FirstStartDone));
        Assert.Equal(0, lockTaken);
        foreach (var filler in new[] { typeof(CatalogInitializer), typeof(AccountInitializer), typeof(DemoHistorySeeder) })
        {
            Assert.InRange(order.IndexOf(filler), lockTaken + 1, lockReleased - 1);
        }
        // ASP.NET Core's data-protection service makes the first key when there is none: one server does, the other reads it.
        Assert.InRange(order.FindIndex(t => t.Name == "DataProtectionHostedService"), lockTaken + 1, lockReleased - 1);
        // A background service's start returns before its work is done: the lock would not wait for it.
        Assert.DoesNotContain(order.Take(lockReleased), service => typeof(BackgroundService).IsAssignableFrom(service));
    }

    /// <summary>Sessions of this database waiting for an advisory lock (the first-start lock is the only one the app takes).</summary>
    private static async Task<long> ServersWaitingAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT COUNT(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail(failure());
            }
            await Task.Delay(100);
        }
    }
}
