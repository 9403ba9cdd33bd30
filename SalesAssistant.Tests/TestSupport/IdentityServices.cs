using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>ASP.NET Core Identity on a test database, as the app registers it, for tests of account services.</summary>
public static class IdentityServices
{
    public static ServiceProvider On(TestDatabase database, Action<IdentityOptions>? configure = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDataProtection();
        collection.AddScoped(_ => database.CreateDbContext());
        collection.AddIdentityCore<AppUser>(o => configure?.Invoke(o))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SalesDb>()
            .AddDefaultTokenProviders();
        return collection.BuildServiceProvider();
    }
}
