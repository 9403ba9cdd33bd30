using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Families;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Families;

public abstract class FamilyPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : FamilyPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FamilyPageTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task Moving_a_tier_down_reorders_the_family()
    {
        await using var db = Database.CreateDbContext();
        var family = await db.Families.SingleAsync();
        var page = Render<FamilyPage>(p => p.Add(x => x.Id, family.Id));
        page.WaitForElement("[data-testid=family-member]");

        page.FindAll("[data-testid=tier-down]")[0].Click();

        page.WaitForAssertion(() => Assert.Equal(["TOAST-4", "TOAST-2", "TOAST-4X", "TOAST-6"], page.FindAll("[data-testid=family-member]").Select(m => m.GetAttribute("data-sku"))));
        Assert.NotNull(page.Find("[data-testid=tier-price-warning]"));
    }
}
