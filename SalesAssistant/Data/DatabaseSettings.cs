using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesAssistant.Data;

/// <summary>Which database the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded file of a single shop (the default).</summary>
    Sqlite,

    /// <summary>A chain's shared database, with more than one app server.</summary>
    Postgres,
}

/// <summary>The configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>The database the app talks to: the provider and its connection string (<c>ConnectionStrings:Catalog</c>).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/sales-assistant.db";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// From configuration. SQLite's relative data source is resolved under the content root (not the process's working
    /// directory) and its folder created, so <c>dotnet run</c> works from any directory; PostgreSQL needs a connection string.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var configured = configuration.GetConnectionString("Catalog");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Catalog is empty: set it to the PostgreSQL connection string, e.g. Host=db.example;Database=sales;Username=sales;Password=…");
            }
            return new(provider, configured);
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnectionString : configured);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return new(provider, builder.ToString());
    }

    /// <summary>Options for this provider as the app uses it (see <see cref="SqliteSetup"/> and <see cref="PostgresSetup"/>).</summary>
    public DbContextOptionsBuilder<SalesDb> Configure(DbContextOptionsBuilder<SalesDb> options, params IInterceptor[] interceptors)
    {
        _ = IsPostgres ? options.UseSalesPostgres(ConnectionString) : options.UseSalesSqlite(ConnectionString);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
        return options;
    }

    /// <summary>A context factory outside the app's services (tools, benchmarks, tests).</summary>
    public IDbContextFactory<SalesDb> CreateFactory(params IInterceptor[] interceptors) =>
        new SalesDbFactory(this, Configure(new DbContextOptionsBuilder<SalesDb>(), interceptors).Options);
}

/// <summary>Creates the configured provider's context (<see cref="SqliteSalesDb"/> or <see cref="PostgresSalesDb"/>).</summary>
public sealed class SalesDbFactory(DatabaseSettings settings, DbContextOptions<SalesDb> options) : IDbContextFactory<SalesDb>
{
    public SalesDb CreateDbContext() => SalesDb.Create(settings.Provider, options);
}
