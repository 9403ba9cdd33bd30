using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Components;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Store;
using StoreOptions = SalesAssistant.Store.StoreOptions;

namespace SalesAssistant;

public static class SalesAssistantHosting
{
    public static WebApplicationBuilder AddSalesAssistant(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // Every counter action is saved as it happens, so a lost circuit costs nothing but a page reload that
            // resumes the consultation from the database. Keep a dropped tablet's circuit long enough for store
            // Wi-Fi to come back (seconds, usually), not the framework's default 3 minutes, and bound how many are
            // kept: each holds its component state (about 250–300 KB) while nobody uses it.
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            circuits.DisconnectedCircuitMaxRetained = 200;
        });
        // Static assets come precompressed from MapStaticAssets; this compresses the pages themselves. Left off for
        // HTTPS (the default) because compressing secrets beside user input over TLS invites BREACH.
        builder.Services.AddResponseCompression();
        builder.Services.AddMudServices();

        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart()
            .Validate(o => IsKnownCulture(o.Culture), "Store:Culture must be a culture name such as en-IE or de-DE")
            .Validate(o => o.Currency is { Length: 3 } && o.Currency.All(char.IsAsciiLetter), "Store:Currency must be an ISO 4217 code such as EUR");
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        builder.Services.AddSingleton<MoneyFormatter>();

        builder.Services.AddDbContextFactory<SalesDb>((services, options) => options.UseSalesSqlite(
            CatalogConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>())));

        builder.Services.AddSingleton<CatalogFileReader>();
        builder.Services.AddSingleton<CatalogLoader>();
        builder.Services.AddHostedService<CatalogInitializer>();
        AddAccounts(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CounterService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ProductSearch>();
        builder.Services.AddScoped<SalesAssistant.Features.Manage.TalkingPoints.TalkingPointService>();
        builder.Services.AddScoped<SalesAssistant.Features.Manage.Staff.StaffService>();
        builder.Services.AddScoped<SalesAssistant.Features.Manage.Products.ProductService>();
        builder.Services.AddScoped<SalesAssistant.Features.Manage.Families.FamilyService>();
        builder.Services.AddScoped<SalesAssistant.Features.Manage.Import.CatalogImportService>();
        builder.Services.AddSingleton<CatalogFileWriter>();
        builder.Services.AddScoped<SalesAssistant.Features.Insights.InsightsService>();
        builder.Services.AddScoped<SalesAssistant.Features.Insights.Together.TogetherService>();
        builder.Services.AddScoped<SalesAssistant.Features.Insights.Sales.SalesImportService>();
        builder.Services.AddOptions<SalesAssistant.Features.Manage.Import.ImportOptions>().BindConfiguration(SalesAssistant.Features.Manage.Import.ImportOptions.Section)
            .Validate(o => o.MaxFileBytes > 0, "Import:MaxFileBytes must be positive");
        return builder;
    }

    public static WebApplication MapSalesAssistant(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapCatalogExport();
        SalesAssistant.Features.Insights.InsightsEndpoints.MapInsightsExport(app);
        return app;
    }

    private static void AddAccounts(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ManagerAccountOptions>().BindConfiguration(ManagerAccountOptions.Section);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            // Counter tablets stay signed in: a month, renewed while in use.
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SalesDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Identity's stores need a scoped SalesDb; the app's own services use the factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<SalesDb>>().CreateDbContext());
        builder.Services.AddHostedService<AccountInitializer>();
        // After the catalog and the accounts: the demo history needs both.
        builder.Services.AddOptions<SalesAssistant.Features.Insights.DemoHistory.DemoHistoryOptions>()
            .BindConfiguration(SalesAssistant.Features.Insights.DemoHistory.DemoHistoryOptions.Section)
            .Validate(o => o.Consultations is >= 0 and <= 100_000 && o.TillOrders is >= 0 and <= 100_000 && o.Days is >= 1 and <= 366,
                "DemoHistory: Consultations and TillOrders must be 0–100000, Days 1–366");
        builder.Services.AddHostedService<SalesAssistant.Features.Insights.DemoHistory.DemoHistorySeeder>();
    }

    /// <summary>
    /// The SQLite connection string with a relative data source resolved under the content root (not the
    /// process's working directory), and its folder created, so <c>dotnet run</c> works from any directory.
    /// </summary>
    private static string CatalogConnectionString(IConfiguration configuration, IHostEnvironment environment)
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

    private static bool IsKnownCulture(string name)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }
}
