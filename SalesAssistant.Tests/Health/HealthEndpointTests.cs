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
    [BothDatabases]
    public async Task A_running_app_answers_healthy_to_an_anonymous_probe(DatabaseProvider provider)
    {
        await using var app = new AppServer(TestCatalog.Csv, provider: provider);

        foreach (var path in new[] { HealthSetup.LivePath, HealthSetup.ReadyPath })
        {
            var (status, body, response) = await GetAsync(app, path);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", body);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Theory]
    [BothDatabases]
    public async Task With_a_migration_missing_ready_answers_503_unhealthy_without_saying_why_and_live_stays_healthy(DatabaseProvider provider)
    {
        await using var app = new AppServer(TestCatalog.Csv, provider: provider);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(
                """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")"""));
        }

        var ready = await GetAsync(app, HealthSetup.ReadyPath);
        var live = await GetAsync(app, HealthSetup.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Body);
    }

    /// <summary>The health checks as the app registers them, on the given database, without starting the app (nothing is migrated).</summary>
    private static async Task<HealthReport> CheckAsync(DatabaseSettings database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Catalog"] = database.ConnectionString,
        });
        builder.AddData();
        builder.AddHealth();
        using var host = builder.Build();
        return await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_postgresql_cannot_be_reached()
    {
        var closedPort = AppInstance.FreeLoopbackPort();

        var report = await CheckAsync(new DatabaseSettings(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={closedPort};Username=sales;Database=sales;Timeout=5"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.IsAssignableFrom<NpgsqlException>(report.Entries["database"].Exception);
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_sqlite_file_is_not_a_database()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "not a database, a file some tool overwrote");
        try
        {
            var report = await CheckAsync(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"));

            Assert.Equal(HealthStatus.Unhealthy, report.Status);
            Assert.IsType<SqliteException>(report.Entries["database"].Exception);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [BothDatabases]
    public async Task Ready_is_unhealthy_on_a_database_without_migrations_and_healthy_once_migrated(DatabaseProvider provider)
    {
        await using var empty = TestDatabase.Empty(provider);
        var before = await CheckAsync(empty.Settings);
        await using (var db = empty.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var after = await CheckAsync(empty.Settings);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }
}
