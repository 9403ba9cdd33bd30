using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Catalog;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Manage.TalkingPoints;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the manager pages, signed in as the test manager, against a real SQLite database.</summary>
public abstract class ManagerTestContext : MudTestContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.WithCatalogAsync(TestCatalog.Csv);
        Services.AddSingleton<IDbContextFactory<SalesDb>>(Database);
        Services.AddSingleton(TimeProvider.System);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(TestUsers.ManagerEmail);
        authorization.SetRoles(AppRoles.Manager);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, TestUsers.ManagerId));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<TalkingPointService>();
        Services.AddScoped<SalesAssistant.Features.Manage.Products.ProductService>();
        Services.AddScoped<SalesAssistant.Features.Manage.Families.FamilyService>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Database.DisposeAsync();
    }

    protected async Task<int> ProductIdAsync(string sku)
    {
        await using var db = Database.CreateDbContext();
        return (await db.Products.SingleAsync(p => p.Sku == sku)).Id;
    }
}
