using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

/// <summary>The demo catalog the app ships with is valid and rich enough to show the whole flow.</summary>
public sealed class DemoCatalogTests
{
    private static readonly string DemoCatalogPath = Path.Combine(AppContext.BaseDirectory, "Catalog", "Seed", "demo-catalog.csv");

    [Fact]
    public async Task It_is_valid_with_enough_products_categories_tiers_and_accessories()
    {
        var file = await new CatalogFileReader().ReadAsync(DemoCatalogPath);

        Assert.True(file.IsValid, file.DescribeErrors());
        Assert.True(file.Entries.Count >= 60, $"{file.Entries.Count} products");
        Assert.True(file.Entries.Select(e => e.Category).Distinct().Count() >= 6);
        var families = file.Entries.Where(e => e.Family is not null).GroupBy(e => e.Family).ToList();
        Assert.All(families, f => Assert.InRange(f.Count(), 3, 4));
        Assert.All(families.SelectMany(f => f), member => Assert.NotEmpty(member.Accessories));
        Assert.All(families.SelectMany(f => f), member => Assert.NotEmpty(member.TalkingPoints));
        Assert.All(families, f => Assert.Equal(f.OrderBy(m => m.Tier).Select(m => m.Price), f.OrderBy(m => m.Price).Select(m => m.Price)));
    }

    [Theory, BothDatabases]
    public async Task It_drives_the_counter_flow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithCatalogAsync(provider, await File.ReadAllTextAsync(DemoCatalogPath));
        var search = new ProductSearch(database);
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);

        var hit = Assert.Single(await search.SearchAsync("caffe crema"));
        var id = (await counter.StartAsync(hit.Sku))!.Value;
        var view = (await counter.GetAsync(id))!;

        Assert.Equal("Caffè Crema 2 bean-to-cup", hit.Name);
        Assert.Equal(ConsultationStep.Upsell, view.Step);
        Assert.NotEmpty(view.UpsellOptions);
        Assert.True(await counter.KeepOriginalAsync(id));
        Assert.NotEmpty((await counter.GetAsync(id))!.Accessories);
    }
}
