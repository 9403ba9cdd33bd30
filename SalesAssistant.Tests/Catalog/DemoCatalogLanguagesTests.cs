using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Localization;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

/// <summary>The demo catalog ships in every language of the app: the same products and structure, written in that language.</summary>
public sealed class DemoCatalogLanguagesTests
{
    public static TheoryData<string> TranslatedLanguages => new(Languages.All.Select(l => l.Code).Where(c => c != Languages.English));

    private static CatalogReadResult Read(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, CatalogOptions.DemoCatalogFor(language));
        var file = new CatalogFileReader().Read(File.ReadAllBytes(path), path);
        Assert.True(file.IsValid, file.DescribeErrors());
        return file;
    }

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void Has_the_english_catalogs_products_prices_stock_tiers_and_accessories(string language)
    {
        var english = Read(Languages.English).Entries;
        var translated = Read(language).Entries;

        Assert.Equal(english.Select(e => (e.Sku, e.Ean, e.Price, e.Stock, e.Tier, string.Join('|', e.Accessories))),
            translated.Select(e => (e.Sku, e.Ean, e.Price, e.Stock, e.Tier, string.Join('|', e.Accessories))));
        // Same structure: the products of one family stay one family, each product keeps its number of talking points and specs.
        Assert.Equal(english.GroupBy(e => e.Family).Select(g => string.Join(",", g.Select(e => e.Sku).Order())).Order(),
            translated.GroupBy(e => e.Family).Select(g => string.Join(",", g.Select(e => e.Sku).Order())).Order());
        Assert.Equal(english.Select(e => (e.TalkingPoints.Count, e.Specs.Count)), translated.Select(e => (e.TalkingPoints.Count, e.Specs.Count)));
    }

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void Is_written_in_its_language_not_copied_from_english(string language)
    {
        var english = Read(Languages.English).Entries;
        var translated = Read(language).Entries;

        var samePoints = english.Zip(translated).Sum(p => p.First.TalkingPoints.Intersect(p.Second.TalkingPoints).Count());
        Assert.Equal(0, samePoints);
        // Some names need no translation ("Kestrel A5 128 GB", Dutch "Laptops"); most do.
        Assert.True(english.Zip(translated).Count(p => p.First.Name == p.Second.Name) < english.Count / 2);
        Assert.True(english.Zip(translated).Count(p => p.First.Specs.SequenceEqual(p.Second.Specs)) < english.Count / 10);
    }

    [Theory, BothDatabases]
    public async Task Without_a_seed_file_setting_the_demo_catalog_of_the_store_language_is_loaded(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Empty(provider);
        await new SalesAssistant.Data.DatabaseMigrator(database).StartAsync(CancellationToken.None);

        await new CatalogInitializer(database, new CatalogLoader(database, NullLogger<CatalogLoader>.Instance),
            Options.Create(new CatalogOptions()), TestStore.Cultures("pl"), new TestHostEnvironment(),
            NullLogger<CatalogInitializer>.Instance).StartAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var expected = Read("pl").Entries.Select(e => e.Category).Distinct().Order();
        Assert.Equal(expected, await db.Categories.Select(c => c.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(Read("pl").Entries.Count, await db.Products.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task An_empty_seed_file_setting_starts_the_app_with_an_empty_catalog(DatabaseProvider provider)
    {
        await using var app = new AppServer(catalogCsv: null, new Dictionary<string, string?> { ["Catalog:SeedFile"] = "", ["Store:Language"] = "it" }, provider: provider);

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
    }
}
