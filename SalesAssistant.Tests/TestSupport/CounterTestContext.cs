using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Catalog;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the counter pages against a real SQLite database holding <see cref="TestCatalog"/>.</summary>
public abstract class CounterTestContext : MudTestContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected CounterService Counter => Services.GetRequiredService<CounterService>();

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.WithCatalogAsync(TestCatalog.Csv);
        Services.AddSingleton<IDbContextFactory<SalesDb>>(Database);
        Services.AddSingleton(TimeProvider.System);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(TestUsers.ClerkEmail);
        authorization.SetRoles(AppRoles.Clerk);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, TestUsers.ClerkId));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<CounterService>();
        Services.AddScoped<ProductSearch>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Database.DisposeAsync();
    }
}
