using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Localization;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests signed in as one of <see cref="TestUsers"/>, against a real database of <paramref name="provider"/> holding <see cref="TestCatalog"/>.</summary>
public abstract class SignedInTestContext(string userId, string email, string role, DatabaseProvider provider) : MudTestContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>The app's feature registrations go through this (see <see cref="ComponentHost"/>).</summary>
    protected ComponentHost Host { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        Host = new ComponentHost(Services);
        Services.AddSingleton<IDbContextFactory<SalesDb>>(Database);
        Services.AddSingleton(TimeProvider.System);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(email);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Services.AddScoped<CurrentUser>();
        Host.AddLanguages();
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
