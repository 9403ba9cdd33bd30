using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Counter;

public sealed class ProductSearchTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ProductSearch search = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(TestCatalog.Csv);
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
}
