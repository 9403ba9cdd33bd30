using SalesAssistant.Catalog;
using SalesAssistant.Features.Counter;

namespace SalesAssistant.Tests.Features.Counter;

/// <summary>Which words of a search PostgreSQL's full-text index looks up, from the words' shares of the catalog.</summary>
public sealed class SearchWordFrequenciesTests
{
    // As pg_stats would list them for a chain's catalog: tier names on a fifth of the products, a brand on 2 %.
    private readonly SearchWordFrequencies frequencies = new(
        ["pro", "plus", "koa", "cordless", "drill", "e", "bike", "boreal"],
        [0.20f, 0.19f, 0.02f, 0.028f, 0.03f, 0.28f, 0.03f, 0.02f],
        rareShare: 0.001);

    [Fact]
    public void A_word_far_more_common_than_the_rarest_is_left_to_the_check()
    {
        var indexed = Indexed("Koa Perceuse 151142 Pro cordless drill");

        Assert.Equal(["perceuse", "151142"], indexed);
    }

    [Fact]
    public void Words_about_as_common_as_the_rarest_are_all_looked_up()
    {
        Assert.Equal(["koa", "cordless"], Indexed("koa cordless"));
    }

    [Fact]
    public void A_prefix_counts_every_common_word_it_starts()
    {
        // "b" starts "bike" and "boreal": 5 %, still within ten times the rarest word ("koa", 2 %).
        Assert.Equal(["koa", "b"], Indexed("koa b"));
        // "p" starts "pro" and "plus": 39 %.
        Assert.Equal(["koa"], Indexed("koa p"));
    }

    [Fact]
    public void A_word_of_several_tokens_is_as_rare_as_its_rarest_token()
    {
        // "e-bike" is the phrase e <-> bike: as rare as "bike" (3 %), though "e" is on 28 % of the products.
        Assert.Equal(["koa", "e bike"], Indexed("koa e-bike"));
    }

    [Fact]
    public void One_word_is_always_looked_up()
    {
        Assert.Equal(["pro"], Indexed("pro"));
    }

    [Fact]
    public void The_search_finds_the_same_products_whichever_words_are_looked_up()
    {
        var (query, indexed) = ProductSearch.PostgresQueries("Koa Perceuse 151142 Pro cordless drill", frequencies)!.Value;

        // The whole query is still checked on every product found: only the index look-up is narrower.
        Assert.Equal("'koa':* & 'perceuse':* & '151142':* & 'pro':* & 'cordless':* & 'drill':*", query);
        Assert.Equal("'perceuse':* & '151142':*", indexed);
        Assert.Null(ProductSearch.PostgresQueries("koa cordless", frequencies)!.Value.Indexed);
        Assert.Null(ProductSearch.PostgresQueries("Koa Perceuse 151142 Pro cordless drill", frequencies: null)!.Value.Indexed);
    }

    private IReadOnlyList<string> Indexed(string term) =>
        frequencies.IndexedWords(ProductQueries.PostgresWords(term)).Select(tokens => string.Join(' ', tokens)).ToList();
}
