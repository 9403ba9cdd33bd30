using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Components;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Manage;
using SalesAssistant.Health;
using SalesAssistant.Localization;
using SalesAssistant.Store;

namespace SalesAssistant;

/// <summary>
/// The app, one call per part; each part registers its own services in its folder (the component tests call the
/// same methods). The order matters for the hosted services that run at startup: the database is migrated, then the
/// seed catalog, the first manager and the demo history are loaded, in that order.
/// </summary>
public static class SalesAssistantHosting
{
    public static WebApplicationBuilder AddSalesAssistant(this WebApplicationBuilder builder)
    {
        // First: its migrator must run before every other hosted service, ASP.NET Core's own data-protection one included
        // (it reads the keys from the database).
        builder.AddData();
        builder.AddHealth();
        builder.AddFrontDoor();
        builder.AddUserInterface();
        builder.AddStore();
        builder.AddLanguages();
        builder.AddCatalog();
        builder.AddAccounts();
        builder.AddAbTests();
        builder.AddCounter();
        builder.AddManage();
        builder.AddInsights();
        // Last: another app server starting at once waits until everything above has filled a new database.
        builder.AddFirstStartEnd();
        return builder;
    }

    public static WebApplication MapSalesAssistant(this WebApplication app)
    {
        app.UseFrontDoor();
        app.UseLanguages();
        app.UseUserInterface();
        app.MapUserInterface();
        app.MapAccounts();
        app.MapLanguages();
        app.MapManage();
        app.MapInsights();
        app.MapHealth();
        return app;
    }
}
