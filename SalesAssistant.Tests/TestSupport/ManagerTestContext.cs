using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;
using SalesAssistant.Features.Insights;
using SalesAssistant.Features.Manage;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Component tests of the manager pages (back office and insights), signed in as the test manager, with the app's own registrations.</summary>
public abstract class ManagerTestContext(DatabaseProvider provider) : SignedInTestContext(TestUsers.ManagerId, TestUsers.ManagerEmail, AppRoles.Manager, provider)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Host.AddCatalog();
        Host.AddAbTests();
        Host.AddManage();
        Host.AddInsights();
    }
}
