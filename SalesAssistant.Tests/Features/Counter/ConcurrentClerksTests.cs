using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

/// <summary>A busy store: many tablets writing to the one SQLite file at the same moment.</summary>
public abstract class ConcurrentClerksTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ConcurrentClerksTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ConcurrentClerksTests(DatabaseProvider.Postgres);

    private const int Clerks = 50;
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Fifty_clerks_running_consultations_at_once_all_succeed_and_every_row_is_written()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Clerks).Select(_ => Task.Run(RunConsultationAsync)));

        Assert.All(results, Assert.True);
        await using var db = database.CreateDbContext();
        Assert.Equal(Clerks, await db.Consultations.CountAsync(c => c.Step == ConsultationStep.Finished));
        Assert.Equal(Clerks, await db.Consultations.CountAsync(c => c.UpsellOutcome == UpsellOutcome.Accepted));
        Assert.Equal(Clerks * 2, await db.BasketLines.CountAsync());
        Assert.Equal(Clerks, await db.Reactions.CountAsync());
    }

    [Fact]
    public async Task The_same_tap_on_two_tablets_at_once_moves_the_consultation_on_only_once()
    {
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        await counter.KeepOriginalAsync(id);
        await counter.ToggleAccessoryAsync(id, "CRUMB");

        var taps = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            new CounterService(database, TimeProvider.System, TestUsers.Clerk).ToggleAccessoryAsync(id, "JAM"))));

        // Each tap toggles under the write lock: an even number of taps leaves JAM out, and no line is ever doubled.
        Assert.Equal(10, taps.Count(t => t));
        await using var db = database.CreateDbContext();
        Assert.Equal(["CRUMB"], await db.BasketLines.Where(l => l.ConsultationId == id && l.Role == BasketLineRole.Accessory).Select(l => l.Product!.Sku).ToListAsync());
    }

    private async Task<bool> RunConsultationAsync()
    {
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var id = await counter.StartAsync("TOAST-2");
        if (id is null)
        {
            return false;
        }
        var view = await counter.GetAsync(id.Value);
        return await counter.RecordReactionAsync(id.Value, CustomerReaction.Positive)
            && await counter.ChooseUpsellAsync(id.Value, view!.UpsellOptions[0].Product.Sku)
            && await counter.ToggleAccessoryAsync(id.Value, "CRUMB")
            && await counter.ContinueToSummaryAsync(id.Value)
            && await counter.FinishAsync(id.Value);
    }
}
