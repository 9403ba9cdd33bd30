using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public abstract class ProductSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ProductSearchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductSearchTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private ProductSearch search = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        search = new ProductSearch(database);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Theory]
    [InlineData("caffe", "CAFFE")]
    [InlineData("CAFFÈ", "CAFFE")]
    [InlineData("crema bello", "CAFFE")]
    [InlineData("4006381333931", "TOAST-2")]
    [InlineData("toast-6", "TOAST-6")]
    public async Task Finds_by_name_brand_sku_or_ean_ignoring_accents_and_case(string term, string sku)
    {
        var hits = await search.SearchAsync(term);

        Assert.Contains(hits, h => h.Sku == sku);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var hits = await search.SearchAsync("toaster steel");

        Assert.Equal(["TOAST-4X"], hits.Select(h => h.Sku));
    }

    [Fact]
    public async Task An_exact_sku_comes_first()
    {
        var hits = await search.SearchAsync("TOAST-4");

        Assert.Equal("TOAST-4", hits[0].Sku);
        Assert.Contains(hits, h => h.Sku == "TOAST-4X");
    }

    [Theory]
    [InlineData("caf cre", "CAFFE")]
    [InlineData("toas quat", "TOAST-4")]
    [InlineData("40063813", "TOAST-2")]
    [InlineData("bel", "KETTLE")]
    public async Task Every_word_matches_as_the_start_of_a_word(string term, string sku) =>
        Assert.Contains(await search.SearchAsync(term), h => h.Sku == sku);

    [Fact]
    public async Task A_code_that_is_one_products_sku_and_anothers_ean_lists_both_once()
    {
        await using (var db = database.CreateDbContext())
        {
            var product = new Product { Sku = "4006381333931", Name = "Numbered mug", CategoryId = (await db.Categories.FirstAsync()).Id, Stock = 1 };
            product.RefreshSearchText();
            db.Products.Add(product);
            await db.SaveChangesAsync();
        }

        var hits = await search.SearchAsync("4006381333931");

        Assert.Equal(["4006381333931", "TOAST-2"], hits.Select(h => h.Sku).Order());
    }

    [Fact]
    public async Task The_middle_of_a_word_does_not_match() => Assert.Empty(await search.SearchAsync("oaster"));

    [Fact]
    public async Task A_renamed_product_is_found_by_its_new_name_only()
    {
        await using (var db = database.CreateDbContext())
        {
            var kettle = await db.Products.SingleAsync(p => p.Sku == "KETTLE");
            kettle.Name = "Bouilloire silencieuse";
            kettle.RefreshSearchText();
            await db.SaveChangesAsync();
        }

        Assert.Equal(["KETTLE"], (await search.SearchAsync("bouilloire")).Select(h => h.Sku));
        Assert.Empty(await search.SearchAsync("quiet"));
    }

    [Fact]
    public async Task Inactive_and_deleted_products_are_not_found()
    {
        await using (var db = database.CreateDbContext())
        {
            await db.Products.Where(p => p.Sku == "TOAST-6").ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
            var added = new Product { Sku = "GONE", Name = "Toaster gone", CategoryId = (await db.Categories.FirstAsync()).Id };
            added.RefreshSearchText();
            db.Products.Add(added);
            await db.SaveChangesAsync();
            Assert.Contains(await search.SearchAsync("gone"), h => h.Sku == "GONE");
            db.Products.Remove(added);
            await db.SaveChangesAsync();
        }

        var hits = await search.SearchAsync("toaster");

        Assert.DoesNotContain(hits, h => h.Sku is "TOAST-6" or "GONE");
        Assert.Contains(hits, h => h.Sku == "TOAST-2");
    }

    [Fact]
    public async Task At_most_twenty_products_are_found()
    {
        await using (var db = database.CreateDbContext())
        {
            var categoryId = (await db.Categories.FirstAsync()).Id;
            for (var i = 0; i < 30; i++)
            {
                var product = new Product { Sku = $"MUG-{i}", Name = $"Mug {i}", CategoryId = categoryId, Stock = 1 };
                product.RefreshSearchText();
                db.Products.Add(product);
            }
            await db.SaveChangesAsync();
        }

        Assert.Equal(ProductSearch.MaxResults, (await search.SearchAsync("mug")).Count);
    }

    [Theory]
    [InlineData("\"caffe")]
    [InlineData("caffe*")]
    [InlineData("(caffe)")]
    [InlineData("-caffe")]
    [InlineData("caffe:")]
    [InlineData("^caffe")]
    public async Task Search_syntax_typed_by_a_person_is_taken_as_plain_words(string term) =>
        Assert.Contains(await search.SearchAsync(term), h => h.Sku == "CAFFE");

    [Fact]
    public async Task Operators_are_words_too() => Assert.Empty(await search.SearchAsync("caffe OR kettle"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%")]
    [InlineData("'; drop table Products; --")]
    public async Task Odd_input_finds_nothing_and_does_not_fail(string term) => Assert.Empty(await search.SearchAsync(term));

    [Theory]
    [InlineData("4006381333931", "TOAST-2")]
    [InlineData("toast-2", "TOAST-2")]
    [InlineData(" CAFFE ", "CAFFE")]
    public async Task A_full_code_opens_its_product(string code, string sku) => Assert.Equal(sku, (await search.FindByCodeAsync(code))?.Sku);

    [Fact]
    public async Task A_partial_code_opens_nothing() => Assert.Null(await search.FindByCodeAsync("400638133393"));

    [Fact]
    public async Task Categories_list_their_product_counts_and_browse_lists_their_products()
    {
        var categories = await search.CategoriesAsync();
        var kitchen = categories.Single(c => c.Name == "Kitchen");

        var products = await search.InCategoryAsync(kitchen.Id);

        Assert.Equal(7, kitchen.ProductCount);
        Assert.Equal(7, products.Count);
        Assert.All(products, p => Assert.Equal("Kitchen", p.Category));
    }

    [Fact]
    public async Task The_shared_category_counts_follow_the_managers_edits_and_imports_at_once()
    {
        var counts = new CategoryCounts(database, TimeProvider.System);
        var shared = new ProductSearch(database, counts);
        var products = new ProductService(database, TestUsers.Manager, TimeProvider.System, counts);
        var import = new CatalogImportService(database, new CatalogFileReader(), TestUsers.Manager, TimeProvider.System, counts);
        Assert.Equal(7, await KitchenCountAsync());

        var kettle = (await products.SearchAsync("kettle", 0, 10, ProductSort.Name)).Items.Single();
        Assert.True((await products.SetActiveAsync(kettle.Id, (await products.GetAsync(kettle.Id))!.Version, active: false)).Succeeded);
        Assert.Equal(6, await KitchenCountAsync());

        var grill = new ProductModel { Sku = "GRILL-1", Name = "Contact grill", Brand = "Crisp", Category = "Kitchen", Price = 79.9m, Stock = 3 };
        Assert.True((await products.CreateAsync(grill)).Result.Succeeded);
        Assert.Equal(7, await KitchenCountAsync());

        var plan = await import.ApplyAsync(System.Text.Encoding.UTF8.GetBytes(TestCatalog.Header + "\nTOASTY-1,,Toasty,Crisp,Kitchen,10.00,1,,,,,\n"),
            "more.csv", ImportMode.AddAndUpdate);
        Assert.True(plan.IsValid);
        Assert.Equal(8, await KitchenCountAsync());

        async Task<int> KitchenCountAsync() => (await shared.CategoriesAsync()).Single(c => c.Name == "Kitchen").ProductCount;
    }
}
