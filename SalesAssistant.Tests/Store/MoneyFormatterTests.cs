using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Store;

namespace SalesAssistant.Tests.Store;

public sealed class MoneyFormatterTests
{
    private static MoneyFormatter Formatter(string currency, string culture) =>
        new(Options.Create(new StoreOptions { Currency = currency, Culture = culture }));

    [Fact]
    public void Deltas_carry_an_explicit_sign()
    {
        var format = Formatter("EUR", "en-IE");

        Assert.Equal("+€60.00", format.FormatDelta(new Money(6000)));
        Assert.Equal("-€5.50", format.FormatDelta(new Money(-550)));
        Assert.Equal("€0.00", format.FormatDelta(Money.Zero));
    }

    [Fact]
    public void The_store_culture_decides_the_number_format_and_the_currency_its_symbol()
    {
        Assert.Equal("1.234,50 €", Formatter("EUR", "de-DE").Format(new Money(123450)));
        Assert.Equal("£1,234.50", Formatter("GBP", "en-GB").Format(new Money(123450)));
        Assert.Equal("£12.00", Formatter("GBP", "en-IE").Format(new Money(1200)));
    }

    [Fact]
    public void Invariant_form_has_two_decimals_and_a_minus_sign() =>
        Assert.Equal(("60.00", "-5.50"), (new Money(6000).ToInvariant(), new Money(-550).ToInvariant()));
}
