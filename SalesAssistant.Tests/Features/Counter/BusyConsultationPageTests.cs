using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

/// <summary>
/// The consultation page on a database another writer holds: a short message, never the error page, nothing lost.
/// SQLite only, as <see cref="BusyDatabaseTests"/>: PostgreSQL has no database-wide write lock to hold.
/// </summary>
public sealed class BusyConsultationPageTests() : CounterTestContext(DatabaseProvider.Sqlite)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(Database.Impatient());
    }

    [Fact]
    public async Task A_tap_on_a_busy_database_says_so_and_keeps_the_screen_and_the_basket()
    {
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var id = (await Counter.StartAsync("TOAST-2"))!.Value;
        await Counter.KeepOriginalAsync(id);
        var page = Render<ConsultationPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=accessory]");

        await using (await Database.HoldWriteLockAsync())
        {
            page.Find("[data-testid=add-accessory]").Click();
            snackbars.WaitForAssertion(() => Assert.Contains(CounterMessages.Busy, snackbars.Markup), TimeSpan.FromSeconds(20));
        }

        Assert.NotEmpty(page.FindAll("[data-testid=accessory]"));
        Assert.Equal(["TOAST-2"], page.FindAll("[data-testid=basket-line]").Select(l => l.GetAttribute("data-sku")));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.BasketLines.CountAsync(l => l.ConsultationId == id));
    }

    [Fact]
    public async Task A_consultation_that_cannot_be_read_offers_to_try_again()
    {
        var id = (await Counter.StartAsync("TOAST-2"))!.Value;

        IRenderedComponent<ConsultationPage> page;
        await using (await Database.HoldWriteLockAsync())
        {
            page = Render<ConsultationPage>(p => p.Add(x => x.Id, id));
            page.WaitForElement("[data-testid=consultation-busy]", TimeSpan.FromSeconds(20));
        }
        page.Find("[data-testid=consultation-retry]").Click();

        page.WaitForElement("[data-testid=upsell-option]");
    }
}
