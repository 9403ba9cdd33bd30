using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public abstract class ProductPitchesTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ProductPitchesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductPitchesTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_pitch_of_a_product_holds_its_tiers_in_stock_and_accessories_in_stock_in_order()
    {
        var pitch = await PitchAsync("TOAST-2");

        Assert.Equal("Toaster Duo", pitch.Product.Name);
        Assert.Equal(["TOAST-4", "TOAST-6"], pitch.HigherTiers.Select(t => t.Sku));
        Assert.Equal(["Slots: 4", "Power: 1500 W", "Colour: White"], pitch.HigherTiers[0].Specs.Select(s => $"{s.Key}: {s.Value}"));
        Assert.Equal(2, pitch.HigherTiers[0].TalkingPoints.Count);
        Assert.Equal(["CRUMB", "JAM"], pitch.Accessories.Select(a => a.Sku));
        Assert.Equal("Keeps the toaster clean and safe", pitch.Accessories[0].TalkingPoints.Single().Text);
    }

    [Fact]
    public async Task A_pitch_takes_the_same_few_sql_commands_however_many_tiers_and_accessories_it_holds()
    {
        var (before, commandsBefore) = await CountCommandsAsync("TOAST-2");
        await using (var db = database.CreateDbContext())
        {
            var toaster = await IdOfAsync("TOAST-2");
            foreach (var (sku, priority) in new[] { ("KETTLE", 10), ("CAFFE", 11), ("TOAST-6", 12) })
            {
                db.AccessoryLinks.Add(new SalesAssistant.Catalog.AccessoryLink { ProductId = toaster, AccessoryId = await IdOfAsync(sku), Priority = priority });
            }
            await db.SaveChangesAsync();
        }

        var (after, commandsAfter) = await CountCommandsAsync("TOAST-2");

        Assert.Equal(2, before.Accessories.Count);
        Assert.Equal(5, after.Accessories.Count);
        Assert.Equal(commandsBefore, commandsAfter);
        // The product with its tiers, specs and talking points; the accessories with theirs.
        Assert.Equal(2, commandsAfter);
    }

    private async Task<(ProductPitchSet Pitch, int Commands)> CountCommandsAsync(string sku)
    {
        var id = await IdOfAsync(sku);
        await using var db = database.CreateDbContext();
        var before = database.CommandCount;
        var pitch = await ProductPitches.ForProductAsync(db, id);
        return (pitch!, database.CommandCount - before);
    }

    private async Task<ProductPitchSet> PitchAsync(string sku)
    {
        var id = await IdOfAsync(sku);
        await using var db = database.CreateDbContext();
        return (await ProductPitches.ForProductAsync(db, id))!;
    }

    private async Task<int> IdOfAsync(string sku)
    {
        await using var db = database.CreateDbContext();
        return await db.Products.Where(p => p.Sku == sku).Select(p => p.Id).SingleAsync();
    }
}
