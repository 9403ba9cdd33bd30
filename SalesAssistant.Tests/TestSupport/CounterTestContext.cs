using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the counter pages, signed in as the test clerk, with the app's own registrations.</summary>
public abstract class CounterTestContext(DatabaseProvider provider) : SignedInTestContext(TestUsers.ClerkId, TestUsers.ClerkEmail, AppRoles.Clerk, provider)
{
    protected CounterService Counter => Services.GetRequiredService<CounterService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Host.AddCatalog();
        Host.AddAbTests();
        Host.AddCounter();
    }
}
