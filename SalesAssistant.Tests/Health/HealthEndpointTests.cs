using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SalesAssistant.Components;
using SalesAssistant.Data;
using SalesAssistant.Health;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Health;

/// <summary>/health/live and /health/ready: anonymous, 200 or 503, and nothing in the body but Healthy or Unhealthy.</summary>
public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(AppServer app, string path)
    {
        // No cookie, no redirect followed: what a load balancer's probe sees.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Theory]
    [InlineData(HealthSetup.LivePath)]
    [InlineData(HealthSetup.ReadyPath)]
    public async Task A_running_app_answers_healthy_to_an_anonymous_probe(string path)
    {
        await using var app = new AppServer(TestCatalog.Csv);

        var (status, body, response) = await GetAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task With_a_migration_missing_ready_answers_503_unhealthy_without_saying_why_and_live_stays_healthy()
    {
        await using var app = new AppServer(TestCatalog.Csv);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText = """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var ready = await GetAsync(app, HealthSetup.ReadyPath);
        var live = await GetAsync(app, HealthSetup.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Body);
    }

    /// <summary>The health checks as the app registers them, on the given database, without starting the app (nothing is migrated).</summary>
    private static async Task<HealthReport> CheckAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Catalog"] = connectionString,
        });
        builder.AddData();
        builder.AddHealth();
        using var host = builder.Build();
        return await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_postgresql_cannot_be_reached()
    {
        var closedPort = FreeLoopbackPort();

        var report = await CheckAsync(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={closedPort};Username=sales;Database=sales;Timeout=5");

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.IsAssignableFrom<NpgsqlException>(report.Entries["database"].Exception);
    }

    [Fact]
    public async Task Ready_is_unhealthy_on_a_database_without_migrations_and_healthy_once_migrated_on_sqlite()
    {
        await using var empty = TestDatabase.Empty();
        var before = await CheckAsync(DatabaseProvider.Sqlite, empty.ConnectionString);
        await using (var db = empty.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var after = await CheckAsync(DatabaseProvider.Sqlite, empty.ConnectionString);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Ready_is_unhealthy_on_a_database_without_migrations_and_healthy_once_migrated_on_postgresql()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var connectionString = TestPostgres.ConnectionString(database);
            var before = await CheckAsync(DatabaseProvider.Postgres, connectionString);
            await using (var db = new DatabaseSettings(DatabaseProvider.Postgres, connectionString).CreateFactory().CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var after = await CheckAsync(DatabaseProvider.Postgres, connectionString);

            Assert.Equal(HealthStatus.Unhealthy, before.Status);
            Assert.Equal(HealthStatus.Healthy, after.Status);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
