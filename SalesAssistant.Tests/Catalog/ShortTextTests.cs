using SalesAssistant.Catalog;

namespace SalesAssistant.Tests.Catalog;

public sealed class ShortTextTests
{
    [Theory]
    [InlineData("ab😀", 3, "ab")]
    [InlineData("ab😀", 4, "ab😀")]
    [InlineData("e\u0301clair", 1, "")]
    [InlineData("e\u0301clair", 2, "e\u0301")]
    [InlineData("🇮🇹🇵🇱", 5, "🇮🇹")]
    [InlineData("short", 10, "short")]
    public void A_cut_never_splits_a_character(string text, int maxLength, string expected) =>
        Assert.Equal(expected, ShortText.Cut(text, maxLength));

    [Fact]
    public void A_quote_shows_at_most_sixty_characters_and_says_there_is_more()
    {
        Assert.Equal("'short'", ShortText.Quote("short"));
        Assert.Equal("'" + new string('a', 59) + "…'", ShortText.Quote(new string('a', 59) + "😀" + new string('b', 100)));
    }

    [Fact]
    public void A_search_term_cut_inside_an_emoji_is_still_searched()
    {
        var term = new string('a', 99) + "😀";

        var query = ProductQueries.FullTextQuery(term);

        Assert.Equal("\"" + new string('a', 99) + "\"*", query);
    }

    [Fact]
    public void Folding_survives_half_an_emoji() => Assert.Equal("caffe \ufffd", TextFolding.Fold("Caffè \ud83d"));
}
