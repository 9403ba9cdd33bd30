using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    [Theory, BothDatabases]
    public async Task A_valid_file_is_stored_with_categories_families_links_points_and_specs_in_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        await using var db = database.CreateDbContext();

        Assert.Equal(9, await db.Products.CountAsync());
        Assert.Equal(["Coffee", "Grocery", "Kitchen"], await db.Categories.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        var toaster = await db.Products
            .Include(p => p.Family).Include(p => p.Specs).Include(p => p.TalkingPoints)
            .Include(p => p.Accessories).ThenInclude(a => a.Accessory)
            .SingleAsync(p => p.Sku == "TOAST-2");
        Assert.Equal(4000, toaster.PriceMinor);
        Assert.Equal("Crisp toasters", toaster.Family!.Name);
        Assert.Equal(["CRUMB", "BAG-OUT", "JAM"], toaster.Accessories.OrderBy(a => a.Priority).Select(a => a.Accessory!.Sku));
        Assert.Equal(["Slots", "Power", "Colour"], toaster.Specs.OrderBy(s => s.Position).Select(s => s.Key));
        Assert.Equal("toaster duo crisp toast-2 4006381333931", toaster.SearchText);
    }

    [Theory, BothDatabases]
    public async Task Prices_sort_and_compare_in_sql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        await using var db = database.CreateDbContext();

        var cheapestOver50 = await db.Products.Where(p => p.PriceMinor > 5000).OrderBy(p => p.PriceMinor).Select(p => p.Sku).FirstAsync();

        Assert.Equal("TOAST-4", cheapestOver50);
    }

    [Theory, BothDatabases]
    public async Task The_initializer_loads_the_seed_file_into_an_empty_database_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = WriteTempFile(TestCatalog.Csv);

        await Initializer(database, seed).StartAsync(CancellationToken.None);
        await Initializer(database, seed).StartAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(9, await db.Products.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task The_initializer_gives_families_written_before_search_names_existed_theirs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv.Replace("Crisp toasters", "Crisp Toasters Éco", StringComparison.Ordinal));
        await using (var db = database.CreateDbContext())
        {
            // What the migration FamilySearchName leaves in a database that had families.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Families" SET "SearchName" = ''""");
        }

        await Initializer(database, WriteTempFile(TestCatalog.Csv)).StartAsync(CancellationToken.None);

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(["crisp toasters eco"], await db.Families.Select(f => f.SearchName).ToListAsync());
        }
    }

    [Theory, BothDatabases]
    public async Task A_bad_seed_file_stops_startup_naming_the_file_and_every_bad_row_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = WriteTempFile(TestCatalog.Csv + "BAD 1,,X,B,Cat,1.00,1,,,,,\nOK-9,,Y,B,Cat,1,00,1,,,,,\n");

        var error = await Assert.ThrowsAsync<CatalogFileException>(() => Initializer(database, seed).StartAsync(CancellationToken.None));

        Assert.Contains(seed, error.Message);
        Assert.Contains("line 11, column 'sku'", error.Message);
        Assert.Contains("line 12:", error.Message);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Categories.CountAsync());
    }

    private static CatalogInitializer Initializer(TestDatabase database, string seedFile) => new(
        database,
        new CatalogLoader(database, NullLogger<CatalogLoader>.Instance),
        Options.Create(new CatalogOptions { SeedFile = seedFile }),
        TestStore.Cultures(),
        new TestHostEnvironment(),
        NullLogger<CatalogInitializer>.Instance);

    private static string WriteTempFile(string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("seed-").FullName, "seed.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
