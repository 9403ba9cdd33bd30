using Microsoft.AspNetCore.Components;
using SalesAssistant.Accounts;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Components.Layout;
using SalesAssistant.Data;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage;

public sealed class ManagerVisibilityTests : MudTestContext
{
    /// <summary>Never opened: the layout's language menu only writes to it when a language is chosen.</summary>
    private readonly TestDatabase database = TestDatabase.Empty(DatabaseProvider.Sqlite);

    public ManagerVisibilityTests() => Services.AddSingleton(new UserLanguages(database));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData(AppRoles.Manager, 1)]
    [InlineData(AppRoles.Clerk, 0)]
    public void Only_managers_see_the_manage_link(string role, int links)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone@store.test");
        authorization.SetRoles(role);

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Equal(links, layout.FindAll("[data-testid=manage-link]").Count);
        Assert.Single(layout.FindAll("[data-testid=sign-out]"));
    }

    [Fact]
    public void Someone_not_signed_in_sees_neither_the_manage_link_nor_sign_out()
    {
        AddAuthorization();

        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Empty(layout.FindAll("[data-testid=manage-link]"));
        Assert.Empty(layout.FindAll("[data-testid=sign-out]"));
    }
}
