using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Components;
using SalesAssistant.Data;
using SalesAssistant.Localization;
using SalesAssistant.Tests.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Components;

public sealed class RoutesTests : MudTestContext
{
    /// <summary>Never opened: the layout's language menu only writes to it when a language is chosen.</summary>
    private readonly TestDatabase database = TestDatabase.Empty(DatabaseProvider.Sqlite);

    public RoutesTests() => Services.AddSingleton(new UserLanguages(database));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await database.DisposeAsync();
    }

    [Fact]
    public void A_clerk_opening_a_managers_page_is_told_so_in_Polish()
    {
        using var polish = new InLanguage("pl");
        var authorization = AddAuthorization();
        authorization.SetAuthorized(TestUsers.ClerkEmail);
        authorization.SetRoles(AppRoles.Clerk);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/manage");

        var routes = Render<Routes>();

        routes.WaitForAssertion(() =>
            Assert.Equal("Ta strona jest dostępna tylko dla kierowników.", routes.Find("[data-testid=access-denied]").TextContent.Trim()));
        Assert.Equal("Wyloguj się", routes.Find("[data-testid=sign-out]").TextContent.Trim());
    }
}
