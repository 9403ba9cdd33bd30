using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesAssistant.Accounts;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// The real app on a free loopback port with a database of its own (a SQLite file, or a new, empty database in the
/// run's PostgreSQL cluster that the app migrates as it starts), seeded from a catalog file.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string directory = Directory.CreateTempSubdirectory("sales-assistant-app-").FullName;
    private readonly string? postgresDatabase;
    private readonly Dictionary<string, string?> configuration;
    private readonly Action<IServiceCollection>? replaceServices;

    /// <param name="catalogCsv">The seed catalog; null loads the demo catalog the app ships with.</param>
    /// <param name="settings">Configuration on top of the test defaults; with a <c>ConnectionStrings:Catalog</c>, the app runs on that database.</param>
    /// <param name="services">Replaces app services after the app registered its own (e.g. a pseudo-language localizer).</param>
    /// <param name="provider">The database the app runs on.</param>
    public AppServer(string? catalogCsv, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        replaceServices = services;
        configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Manager:Email"] = ManagerEmail,
            ["Manager:Password"] = ManagerPassword,
        };
        // The app's own database, unless the test names one (one that two app servers share, say), which the test deletes.
        if (settings?.ContainsKey("ConnectionStrings:Catalog") != true)
        {
            if (provider == DatabaseProvider.Postgres)
            {
                postgresDatabase = TestPostgres.CreateDatabase();
                configuration["ConnectionStrings:Catalog"] = TestPostgres.ConnectionString(postgresDatabase);
            }
            else
            {
                configuration["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "sales.db") }.ToString();
            }
        }
        if (catalogCsv is not null)
        {
            var seedFile = Path.Combine(directory, "catalog.csv");
            File.WriteAllText(seedFile, catalogCsv);
            configuration["Catalog:SeedFile"] = seedFile;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        Database = new DatabaseSettings(provider, configuration["ConnectionStrings:Catalog"]!);
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The database the app runs on.</summary>
    public DatabaseSettings Database { get; }

    /// <summary>A context on the app's database, for a test to look at what the app wrote.</summary>
    public SalesDb CreateDbContext() => Database.CreateFactory().CreateDbContext();

    public const string ManagerEmail = "manager@store.test";
    public const string ManagerPassword = "Manager-Test-2026";
    public const string ClerkEmail = "clerk@store.test";
    public const string ClerkPassword = "Clerk-Test-2026";

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Disables an account as the Staff page does: locked out for good, its security stamp changed.</summary>
    public async Task DisableAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<bool> IsLockedOutAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>Creates a clerk account the way a manager would, through Identity.</summary>
    public Task CreateClerkAsync(string email, string password, string displayName = "Clerk") =>
        CreateUserAsync(email, password, AppRoles.Clerk, displayName);

    /// <summary>Creates an account of <paramref name="role"/> through Identity.</summary>
    public async Task CreateUserAsync(string email, string password, string role, string displayName = "Clerk")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clerk = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(clerk, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(clerk, role)).Succeeded);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        // Serve wwwroot and the packages' assets from the build output, as `dotnet run` does.
        builder.UseStaticWebAssets();
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration));
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(postgresDatabase);
        }
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
