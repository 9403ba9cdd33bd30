using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the counter pages, signed in as the test clerk.</summary>
public abstract class CounterTestContext() : SignedInTestContext(TestUsers.ClerkId, TestUsers.ClerkEmail, AppRoles.Clerk)
{
    protected CounterService Counter => Services.GetRequiredService<CounterService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddScoped<CounterService>();
        Services.AddScoped<ProductSearch>();
    }
}
