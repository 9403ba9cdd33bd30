using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesAssistant.Accounts;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

/// <summary>
/// Two app servers, real processes, started at once against one new PostgreSQL database: the migrations, the seed
/// catalog, the roles and the first manager, the demo history and the data-protection key each happen once.
/// </summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private const int DemoConsultations = 40;
    private const int DemoTillOrders = 20;

    private readonly string folder = Directory.CreateTempSubdirectory("sales-first-start-").FullName;
    private string database = "";

    public async ValueTask InitializeAsync() => database = await TestPostgres.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(database);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_app_servers_starting_at_once_on_a_new_database_fill_it_once()
    {
        var seedFile = Path.Combine(folder, "catalog.csv");
        await File.WriteAllTextAsync(seedFile, TestCatalog.Csv);
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
            await using var first = await AppInstance.StartAsync(settings);
            await using var second = await AppInstance.StartAsync(settings);
            await WaitUntilAsync(async () => await ServersWaitingAsync(gate) == 2, TimeSpan.FromMinutes(1),
                () => $"Both servers never waited for the first-start lock.\nFirst:\n{first.Log}\nSecond:\n{second.Log}");
            await gate.CloseAsync();

            await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
        }

        await using var db = new DatabaseSettings(DatabaseProvider.Postgres, TestPostgres.ConnectionString(database)).CreateFactory().CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM "__EFMigrationsHistory" """).SingleAsync());
        Assert.Equal(TestCatalog.Csv.Trim().Split('\n').Length - 1, await db.Products.CountAsync());
        Assert.Equal([AppRoles.Clerk, AppRoles.Manager], await db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync());
        var managerRole = await db.Roles.Where(r => r.Name == AppRoles.Manager).Select(r => r.Id).SingleAsync();
        Assert.Equal([AppServer.ManagerEmail], await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == managerRole)).Select(u => u.Email!).ToListAsync());
        Assert.Equal(DemoConsultations, await db.Consultations.CountAsync(c => c.IsDemo));
        Assert.Equal(DemoTillOrders, await db.SaleOrders.CountAsync(o => o.IsDemo));
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
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
