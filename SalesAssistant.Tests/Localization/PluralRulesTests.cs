using System.Globalization;
using SalesAssistant.Localization;

using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Localization;

public sealed class PluralRulesTests
{
    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(25, PluralCategory.Many)]
    [InlineData(112, PluralCategory.Many)]
    [InlineData(1000, PluralCategory.Many)]
    [InlineData(0, PluralCategory.Many)]
    public void Polish_counts_take_one_few_or_many(long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(CultureInfo.GetCultureInfo("pl"), count));

    [Theory]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("en")]
    public void Italian_Dutch_and_English_have_one_for_1_and_other_for_0_and_2(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);

        Assert.Equal(PluralCategory.Other, PluralRules.Of(culture, 0));
        Assert.Equal(PluralCategory.One, PluralRules.Of(culture, 1));
        Assert.Equal(PluralCategory.Other, PluralRules.Of(culture, 2));
    }

    [Fact]
    public void A_Polish_count_reads_its_own_form_of_the_words()
    {
        var text = new LocalizerFor<SalesAssistant.Accounts.AccountText>().Localizer;
        using var polish = new InLanguage("pl");

        Assert.Equal("Hasło musi mieć co najmniej 1 znak.", text.Plural("Passwords must be at least {0} characters.", 1).Value);
        Assert.Equal("Hasło musi mieć co najmniej 22 znaki.", text.Plural("Passwords must be at least {0} characters.", 22).Value);
        Assert.Equal("Hasło musi mieć co najmniej 12 znaków.", text.Plural("Passwords must be at least {0} characters.", 12).Value);
    }
}
