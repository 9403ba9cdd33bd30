using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SalesAssistant.Data;

public static class DataSetup
{
    /// <summary>The one database (<c>ConnectionStrings:Catalog</c>), brought up to date before the app takes requests.</summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<SalesDb>((services, options) => options.UseSalesSqlite(
            ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>())));
        // First of the hosted services: every other one (seed catalog, first manager, demo history) needs the schema.
        builder.Services.AddHostedService<DatabaseMigrator>();
        // Every recorded moment (consultations, history rows) comes from this clock; tests give their own.
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The SQLite connection string with a relative data source resolved under the content root (not the
    /// process's working directory), and its folder created, so <c>dotnet run</c> works from any directory.
    /// </summary>
    private static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Catalog") ?? "Data Source=data/sales-assistant.db";
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(source, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}

/// <summary>At startup, before the server takes requests: write-ahead logging on, then every migration applied.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<SalesDb> dbFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteSetup.UseWriteAheadLogAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
