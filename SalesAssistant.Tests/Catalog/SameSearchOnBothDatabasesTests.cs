using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

/// <summary>
/// The same names in both databases, the same words typed: the same products found. SQLite folds through FTS5
/// over <see cref="Product.SearchText"/>, PostgreSQL through its tsvector with unaccent; both must agree with each
/// other and with what a clerk expects.
/// </summary>
public sealed class SameSearchOnBothDatabasesTests(SameSearchOnBothDatabasesTests.BothCatalogs catalogs) : IClassFixture<SameSearchOnBothDatabasesTests.BothCatalogs>
{
    /// <summary>The catalog below in a SQLite and a PostgreSQL database, for every search of the class.</summary>
    public sealed class BothCatalogs : IAsyncLifetime
    {
        public TestDatabase Sqlite { get; private set; } = null!;

        public TestDatabase Postgres { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Sqlite = await TestDatabase.WithCatalogAsync(DatabaseProvider.Sqlite, Csv);
            Postgres = await TestDatabase.WithCatalogAsync(DatabaseProvider.Postgres, Csv);
        }

        public async ValueTask DisposeAsync()
        {
            await Sqlite.DisposeAsync();
            await Postgres.DisposeAsync();
        }
    }

    private const string Csv = TestCatalog.Header + "\n"
        + "IT-1,,Caffè Crème Forte,Bialetti,Coffee,10.00,1,,,,,\n"
        + "PL-1,,Żółć Łódź Gęślą,Zelmer,Kitchen,10.00,1,,,,,\n"
        + "PL-2,,Szczoteczka Łazienkowa,Oral-B,Bathroom,10.00,1,,,,,\n"
        + "NL-1,,IJsjesmaker Coöperatie,Philips,Kitchen,10.00,1,,,,,\n"
        + "NL-2,,Koffiezetapparaat Café,Douwe Egberts,Coffee,10.00,1,,,,,\n"
        + "DE-1,,Größe Straße Übung,Braun,Kitchen,10.00,1,,,,,\n"
        + "DK-1,,Ærø Øresund Ångström,B&O,Audio,10.00,1,,,,,\n"
        + "FR-1,,Œuvre Naïve Curaçao,De'Longhi,Coffee,10.00,1,,,,,\n"
        + "HY-1,,Toast-4 USB3.0 2.5kW,Crisp,Kitchen,10.00,1,,,,,\n";

    public static TheoryData<string, string[]> Searches => new()
    {
        { "caffe creme", ["IT-1"] },
        { "CAFFÈ crè", ["IT-1"] },
        { "cafe", ["NL-2"] },
        { "zolc lodz", ["PL-1"] },
        { "żółć", ["PL-1"] },
        { "gesla", ["PL-1"] },
        { "łazienk", ["PL-2"] },
        { "lazienkowa szcz", ["PL-2"] },
        { "oral-b", ["PL-2"] },
        { "ijsjes", ["NL-1"] },
        { "coop", ["NL-1"] },
        { "coöperatie", ["NL-1"] },
        { "grosse strasse", ["DE-1"] },
        { "größe", ["DE-1"] },
        { "ubung", ["DE-1"] },
        { "aero oresund", ["DK-1"] },
        { "angstrom", ["DK-1"] },
        { "oeuvre naive", ["FR-1"] },
        { "curacao", ["FR-1"] },
        { "de'longhi", ["FR-1"] },
        { "delonghi", [] },
        { "toast-4", ["HY-1"] },
        { "usb3.0", ["HY-1"] },
        { "2.5", ["HY-1"] },
        { "2.5kw", ["HY-1"] },
        { "5kw", ["HY-1"] },
        { "kw", [] },
        { "reme", [] },
        { "ko caf", ["NL-2"] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Both_databases_find_the_same_products_for_the_same_words(string term, string[] expected)
    {
        var onSqlite = (await new ProductSearch(catalogs.Sqlite).SearchAsync(term)).Select(h => h.Sku).Order().ToArray();
        var onPostgres = (await new ProductSearch(catalogs.Postgres).SearchAsync(term)).Select(h => h.Sku).Order().ToArray();

        Assert.Equal(expected.Order().ToArray(), onSqlite);
        Assert.Equal(expected.Order().ToArray(), onPostgres);
    }

    [Theory]
    [BothDatabases]
    public async Task A_sku_is_unique_ignoring_case_and_found_in_any_case(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Sqlite ? catalogs.Sqlite : catalogs.Postgres;
        var search = new ProductSearch(database);

        Assert.Equal("HY-1", (await search.FindByCodeAsync("hy-1"))?.Sku);
        await using var db = database.CreateDbContext();
        var category = await db.Categories.FirstAsync();
        db.Products.Add(new Product { Sku = "it-1", Name = "Another coffee", SearchText = "another coffee", CategoryId = category.Id, IsActive = true });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using var fresh = database.CreateDbContext();
        Assert.Equal(["IT-1"], await fresh.Products.Where(p => p.Sku == "It-1").Select(p => p.Sku).ToListAsync());
    }
}
