using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

/// <summary>
/// What the counter does when another writer (a long import) holds SQLite's one write lock. SQLite only: PostgreSQL has
/// no database-wide write lock (an import locks only the rows it writes, which the counter's steps do not write) and the
/// app waits for no lock by the clock there; its busy case, races lost again and again, is <see cref="BusyRetry"/>'s.
/// </summary>
public sealed class BusyDatabaseTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private CounterService counter = null!;
    private CounterService impatient = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(DatabaseProvider.Sqlite, TestCatalog.Csv);
        counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        impatient = new CounterService(database.Impatient(), TimeProvider.System, TestUsers.Clerk);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<Guid> AtTheAccessoryStepAsync()
    {
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        Assert.True(await counter.KeepOriginalAsync(id));
        return id;
    }

    [Fact]
    public async Task A_tap_that_cannot_write_is_refused_whole_and_works_once_the_database_is_free()
    {
        var id = await AtTheAccessoryStepAsync();
        await counter.GetAsync(id);

        await using (await database.HoldWriteLockAsync())
        {
            await Assert.ThrowsAsync<DatabaseBusyException>(() => impatient.ToggleAccessoryAsync(id, "CRUMB"));
        }

        Assert.Equal(["TOAST-2"], (await counter.GetAsync(id))!.Basket.Lines.Select(l => l.Sku));
        Assert.True(await impatient.ToggleAccessoryAsync(id, "CRUMB"));
        Assert.Equal(["TOAST-2", "CRUMB"], (await counter.GetAsync(id))!.Basket.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task Offers_that_cannot_be_recorded_are_not_dropped_silently_and_are_recorded_on_the_next_read()
    {
        var id = await AtTheAccessoryStepAsync();

        await using (await database.HoldWriteLockAsync())
        {
            await Assert.ThrowsAsync<DatabaseBusyException>(() => impatient.GetAsync(id));
        }
        var view = await impatient.GetAsync(id);

        await using var db = database.CreateDbContext();
        Assert.Equal(view!.Accessories.Select(a => a.Sku).Order(), await db.Offers.Where(o => o.ConsultationId == id && o.Step == OfferStep.Accessories)
            .Select(o => o.Product!.Sku).OrderBy(s => s).ToListAsync());
    }

    [Fact]
    public async Task Starting_a_consultation_on_a_busy_database_saves_nothing()
    {
        await using (await database.HoldWriteLockAsync())
        {
            await Assert.ThrowsAsync<DatabaseBusyException>(() => impatient.StartAsync("TOAST-2"));
        }

        await using var db = database.CreateDbContext();
        Assert.False(await db.Consultations.AnyAsync());
    }
}
