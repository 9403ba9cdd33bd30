using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SalesAssistant.Store;

namespace SalesAssistant.Tests.Store;

public sealed class FiguresTests
{
    private static readonly MoneyFormatter Euro = new(Options.Create(new StoreOptions { Currency = "EUR", Culture = "en-IE" }));

    /// <summary>The caller's resources, here a Polish one with just the two words Figures asks for.</summary>
    private static readonly IStringLocalizer Polish = new Words(new() { [Figures.NoData] = "brak danych", [Figures.OutOfKey] = "{0} z {1}" });

    [Fact]
    public void A_figure_without_data_says_so_in_the_callers_words()
    {
        Assert.Equal("brak danych", Figures.Percent(null, Euro.Culture, Polish));
        Assert.Equal("brak danych", Figures.Amount(null, Euro, Polish));
        Assert.Equal("brak danych", Figures.Delta(null, Euro, Polish));
        Assert.Equal("", Figures.Value((double?)null));
        Assert.Equal("", Figures.Value((long?)null));
    }

    [Fact]
    public void A_figure_with_data_is_written_in_the_store_culture_and_invariant_for_data_values()
    {
        Assert.Equal("33.3%", Figures.Percent(Figures.Rate(1, 3), Euro.Culture, Polish));
        Assert.Equal("0.3333", Figures.Value(Figures.Rate(1, 3)));
        Assert.Equal("+€26.88", Figures.Delta(2688, Euro, Polish));
        Assert.Equal("26.88", Figures.Value(2688L));
        Assert.Null(Figures.Rate(1, 0));
    }

    [Fact]
    public void The_counts_behind_a_rate_are_in_the_callers_words_and_absent_when_nothing_was_offered()
    {
        Assert.Equal("1 z 3", Figures.OutOf(1, 3, Polish));
        Assert.Equal("", Figures.OutOf(0, 0, Polish));
    }

    private sealed class Words(Dictionary<string, string> words) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            words.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments), this[name].ResourceNotFound);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => words.Select(w => new LocalizedString(w.Key, w.Value));
    }
}
