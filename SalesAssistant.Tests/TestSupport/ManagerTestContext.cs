using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Features.Accounts;
using SalesAssistant.Features.Manage.Families;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.TalkingPoints;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the manager pages, signed in as the test manager.</summary>
public abstract class ManagerTestContext() : SignedInTestContext(TestUsers.ManagerId, TestUsers.ManagerEmail, AppRoles.Manager)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddScoped<TalkingPointService>();
        Services.AddScoped<ProductService>();
        Services.AddScoped<FamilyService>();
    }
}
