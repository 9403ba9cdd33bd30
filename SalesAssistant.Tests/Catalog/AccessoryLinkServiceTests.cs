using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog.AccessoryLinks;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public abstract class AccessoryLinkServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AccessoryLinkServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AccessoryLinkServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private AccessoryLinkService links = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        links = new AccessoryLinkService(database, TestUsers.Manager, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<int> IdAsync(string sku)
    {
        await using var db = database.CreateDbContext();
        return (await db.Products.SingleAsync(p => p.Sku == sku)).Id;
    }

    [Fact]
    public async Task Accessories_are_linked_reordered_and_removed_and_the_reverse_link_is_optional()
    {
        var kettle = await IdAsync("KETTLE");
        var jam = await IdAsync("JAM");
        var crumb = await IdAsync("CRUMB");

        Assert.True((await links.AddAccessoryAsync(kettle, "JAM", alsoReverse: true)).Succeeded);
        Assert.True((await links.AddAccessoryAsync(kettle, "crumb", alsoReverse: false)).Succeeded);
        Assert.True((await links.MoveAccessoryAsync(kettle, crumb, -1)).Succeeded);

        Assert.Equal(["CRUMB", "JAM"], (await links.AccessoriesAsync(kettle)).Select(a => a.Sku));
        Assert.Equal(["KETTLE"], (await links.AccessoriesAsync(jam)).Select(a => a.Sku));
        Assert.Empty(await links.AccessoriesAsync(crumb));

        Assert.True((await links.RemoveAccessoryAsync(kettle, crumb)).Succeeded);
        Assert.Equal(["JAM"], (await links.AccessoriesAsync(kettle)).Select(a => a.Sku));
        Assert.Equal(ChangeOutcome.Invalid, (await links.AddAccessoryAsync(kettle, "KETTLE", false)).Outcome);
        Assert.Equal(ChangeOutcome.Invalid, (await links.AddAccessoryAsync(kettle, "NOPE", false)).Outcome);
    }

    [Fact]
    public async Task Clerks_and_strangers_cannot_change_accessory_links()
    {
        var id = await IdAsync("TOAST-2");
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new AccessoryLinkService(database, user, TimeProvider.System);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.AccessoriesAsync(id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.HistoryAsync(id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.AddAccessoryAsync(id, "JAM", true));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RemoveAccessoryAsync(id, id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.MoveAccessoryAsync(id, id, 1));
        }
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.AccessoryLinks.CountAsync(a => a.ProductId == id));
    }
}
