using System.Text;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Tests.Benchmarks;

public sealed class CatalogGeneratorTests
{
    private static byte[] Generate(int products, int seed)
    {
        using var output = new MemoryStream();
        new CatalogGenerator(products, seed).Write(output);
        return output.ToArray();
    }

    private static CatalogReadResult ReadGenerated(int products, int seed = 42) =>
        new CatalogFileReader().Read(Generate(products, seed), "generated.csv");

    [Fact]
    public void The_same_seed_and_size_give_the_same_bytes()
    {
        Assert.Equal(Generate(1000, 42), Generate(1000, 42));
    }

    [Fact]
    public void A_different_seed_gives_a_different_file()
    {
        Assert.NotEqual(Generate(1000, 42), Generate(1000, 43));
    }

    [Fact]
    public void A_smaller_size_gives_the_first_rows_of_a_bigger_one()
    {
        var small = Encoding.UTF8.GetString(Generate(500, 7)).Split('\n');
        var big = Encoding.UTF8.GetString(Generate(1000, 7)).Split('\n');

        // Rows of families cut short by the end of the small file are sold on their own there.
        Assert.Equal(big.Take(480), small.Take(480));
    }

    [Fact]
    public void The_file_starts_with_the_contract_header_and_has_no_byte_order_mark()
    {
        var text = Encoding.UTF8.GetString(Generate(10, 1));

        Assert.StartsWith("sku,ean,name,brand,category,price,stock,family,tier,accessories,talking_points,specs\n", text);
    }

    [Fact]
    public void A_generated_1k_file_is_a_valid_catalog_file_of_1000_products()
    {
        var file = ReadGenerated(1000);

        Assert.True(file.IsValid, file.DescribeErrors());
        Assert.Equal(1000, file.Entries.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    [InlineData(33)]
    [InlineData(1013)]
    public void Any_size_gives_a_valid_file_of_exactly_that_many_products(int products)
    {
        var file = ReadGenerated(products, seed: products);

        Assert.True(file.IsValid, file.DescribeErrors());
        Assert.Equal(products, file.Entries.Count);
    }

    [Fact]
    public void Families_have_3_or_4_tiers_with_rising_prices_and_better_specs()
    {
        var families = ReadGenerated(1000).Entries.Where(e => e.Family is not null).GroupBy(e => e.Family!).ToList();

        Assert.True(families.Count > 100, $"{families.Count} families");
        Assert.All(families, family =>
        {
            var tiers = family.OrderBy(e => e.Tier).ToList();
            Assert.InRange(tiers.Count, 3, 4);
            Assert.Equal(Enumerable.Range(1, tiers.Count), tiers.Select(e => e.Tier!.Value));
            Assert.All(tiers.Zip(tiers.Skip(1)), pair =>
            {
                Assert.True(pair.First.Price.Minor < pair.Second.Price.Minor, $"{pair.Second.Sku} is not dearer than {pair.First.Sku}");
                Assert.NotEqual(pair.First.Specs[0].Value, pair.Second.Specs[0].Value);
            });
        });
    }

    [Fact]
    public void Every_main_product_has_3_to_10_accessories_that_are_accessory_products_of_the_file()
    {
        var entries = ReadGenerated(1000).Entries;
        var accessorySkus = entries.Where((_, row) => CatalogGenerator.IsAccessoryRow(row)).Select(e => e.Sku).ToHashSet();
        var mains = entries.Where((_, row) => !CatalogGenerator.IsAccessoryRow(row)).ToList();

        Assert.Equal(300, accessorySkus.Count);
        Assert.All(mains, main =>
        {
            Assert.InRange(main.Accessories.Count, CatalogGenerator.MinAccessories, CatalogGenerator.MaxAccessories);
            Assert.All(main.Accessories, sku => Assert.Contains(sku, accessorySkus));
            Assert.DoesNotContain(main.Sku, main.Accessories);
        });
        Assert.Contains(mains, m => m.Accessories.Count == CatalogGenerator.MaxAccessories);
        Assert.All(entries.Where(e => accessorySkus.Contains(e.Sku)), a => Assert.Empty(a.Accessories));
        Assert.Empty(accessorySkus.Select(sku => entries.First(e => e.Sku == sku).Category).Intersect(mains.Select(m => m.Category)));
    }

    [Fact]
    public void The_catalog_looks_like_a_store_brands_categories_accents_ean_and_empty_shelves()
    {
        var entries = ReadGenerated(1000).Entries;

        Assert.InRange(entries.Select(e => e.Brand).Distinct().Count(), 45, 50);
        Assert.InRange(entries.Select(e => e.Category).Distinct().Count(), 20, 40);
        Assert.Contains(entries, e => e.Name.Contains("Caffè", StringComparison.Ordinal) || e.Name.Contains("Crème", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Stock == 0);
        Assert.Contains(entries, e => e.Ean is null);
        Assert.All(entries.Where(e => e.Ean is not null), e => Assert.True(e.Ean!.Length == 13 && Ean.IsValid(e.Ean), e.Ean));
        Assert.All(entries, e => Assert.InRange(e.TalkingPoints.Count, 1, CatalogLimits.MaxTalkingPoints));
        Assert.All(entries.SelectMany(e => e.TalkingPoints), p => Assert.InRange(p.Length, 1, CatalogLimits.TalkingPointMaxLength));
    }
}
