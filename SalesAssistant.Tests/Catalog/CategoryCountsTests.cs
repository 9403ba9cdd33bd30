using Microsoft.Extensions.Time.Testing;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

/// <summary>
/// Two app servers on one database, each with its own shared category counts: a manager's edit on one shows on the
/// other at its next revision check, without the other counting on every call.
/// </summary>
public sealed class CategoryCountsTests
{
    [Theory]
    [BothDatabases]
    public async Task An_edit_on_one_app_server_shows_in_the_other_ones_counts_at_its_next_revision_check(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var here = new CategoryCounts(database, clock);
        var there = new CategoryCounts(database, clock);
        var products = new ProductService(database, TestUsers.Manager, clock, here);
        var import = new CatalogImportService(database, new CatalogFileReader(), TestUsers.Manager, clock, here);
        var kettle = await CreateAsync(products, "KETTLE", "Kitchen");
        await CreateAsync(products, "TOASTER", "Kitchen");
        Assert.Equal(2, await KitchenAsync(here));
        Assert.Equal(2, await KitchenAsync(there));

        Assert.True((await products.SetActiveAsync(kettle, (await products.GetAsync(kettle))!.Version, active: false)).Succeeded);
        Assert.Equal(1, await KitchenAsync(here));
        // Until its next check the other app server answers from its shared count, without asking the database.
        Assert.Equal(2, await KitchenAsync(there));
        clock.Advance(CategoryCounts.RevisionCheckInterval);
        Assert.Equal(1, await KitchenAsync(there));

        var plan = await import.ApplyAsync(System.Text.Encoding.UTF8.GetBytes(TestCatalog.Header + "\nGRILL-1,,Contact grill,Crisp,Kitchen,79.90,3,,,,,\n"),
            "more.csv", ImportMode.AddAndUpdate);
        Assert.True(plan.Applied, string.Join(" ", plan.Errors.Select(e => e.Message)));
        clock.Advance(CategoryCounts.RevisionCheckInterval);
        Assert.Equal(2, await KitchenAsync(there));
    }

    [Theory]
    [BothDatabases]
    public async Task Between_revision_checks_the_counts_come_from_memory_and_an_unchanged_revision_costs_one_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var counts = new CategoryCounts(database, clock);
        await CreateAsync(new ProductService(database, TestUsers.Manager, clock), "KETTLE", "Kitchen");
        await counts.GetAsync();

        var before = database.CommandCount;
        for (var tablet = 0; tablet < 20; tablet++)
        {
            await counts.GetAsync();
        }
        var betweenChecks = database.CommandCount - before;
        clock.Advance(CategoryCounts.RevisionCheckInterval);
        before = database.CommandCount;
        await counts.GetAsync();
        var atTheCheck = database.CommandCount - before;

        Assert.Equal(0, betweenChecks);
        Assert.Equal(1, atTheCheck);
    }

    private static async Task<int> CreateAsync(ProductService products, string sku, string category)
    {
        var (result, id) = await products.CreateAsync(new ProductModel { Sku = sku, Name = sku.ToLowerInvariant(), Category = category, Price = 10m, Stock = 1 });
        Assert.True(result.Succeeded, result.Message);
        return id!.Value;
    }

    private static async Task<int> KitchenAsync(CategoryCounts counts) =>
        (await counts.GetAsync()).SingleOrDefault(c => c.Name == "Kitchen")?.ProductCount ?? 0;
}
