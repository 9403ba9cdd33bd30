using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesAssistant.Accounts;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>The real app on a free loopback port with its own SQLite file, seeded from a catalog file.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string directory = Directory.CreateTempSubdirectory("sales-assistant-app-").FullName;
    private readonly string? seedFile;
    private readonly IReadOnlyDictionary<string, string?> extraSettings;
    private readonly Action<IServiceCollection>? replaceServices;

    /// <param name="catalogCsv">The seed catalog; null loads the demo catalog the app ships with.</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="services">Replaces app services after the app registered its own (e.g. a pseudo-language localizer).</param>
    public AppServer(string? catalogCsv, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        extraSettings = settings ?? new Dictionary<string, string?>();
        replaceServices = services;
        if (catalogCsv is not null)
        {
            seedFile = Path.Combine(directory, "catalog.csv");
            File.WriteAllText(seedFile, catalogCsv);
        }
        UseKestrel(0);
        StartServer();
    }

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

    public string DatabasePath => Path.Combine(directory, "sales.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        // Serve wwwroot and the packages' assets from the build output, as `dotnet run` does.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Manager:Email"] = ManagerEmail,
            ["Manager:Password"] = ManagerPassword,
        };
        if (seedFile is not null)
        {
            settings["Catalog:SeedFile"] = seedFile;
        }
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
