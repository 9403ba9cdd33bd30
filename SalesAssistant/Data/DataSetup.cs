using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SalesAssistant.Data;

public static class DataSetup
{
    /// <summary>
    /// The one database (<c>Database:Provider</c>, <c>ConnectionStrings:Catalog</c>), brought up to date before the
    /// app takes requests.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => DatabaseSettings.From(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContextFactory<SalesDb, SalesDbFactory>((services, options) =>
            services.GetRequiredService<DatabaseSettings>().Configure((DbContextOptionsBuilder<SalesDb>)options));
        // First of the hosted services: every other one (seed catalog, first manager, demo history) needs the schema.
        builder.Services.AddSingleton<FirstStartLock>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        // Every recorded moment (consultations, history rows) comes from this clock; tests give their own.
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Last of the hosted services that fill a new database: lets the next app server (waiting in
    /// <see cref="DatabaseMigrator"/>) see what this one wrote. Called after every Add… of the app.
    /// </summary>
    public static IHostApplicationBuilder AddFirstStartEnd(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<FirstStartDone>();
        return builder;
    }
}

/// <summary>
/// At startup, before the server takes requests: the first-start lock taken (so that two app servers starting at once
/// against one empty database migrate, seed and create the first manager one after the other: the second finds it all
/// done), then SQLite's write-ahead logging on, then every migration applied.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<SalesDb> dbFactory, FirstStartLock? firstStart = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (firstStart is not null)
        {
            await firstStart.TakeAsync(cancellationToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteSetup.UseWriteAheadLogAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => firstStart?.ReleaseAsync() ?? Task.CompletedTask;
}

/// <summary>Releases the first-start lock once the seed catalog, the first manager and the demo history are written.</summary>
internal sealed class FirstStartDone(FirstStartLock firstStart) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => firstStart.ReleaseAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
