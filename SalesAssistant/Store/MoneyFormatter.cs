using System.Globalization;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;

namespace SalesAssistant.Store;

/// <summary>Formats <see cref="Money"/> in the store's culture with the store's currency symbol.</summary>
public sealed class MoneyFormatter
{
    private readonly NumberFormatInfo format;

    public MoneyFormatter(IOptions<StoreOptions> options)
    {
        var store = options.Value;
        Culture = CultureInfo.GetCultureInfo(store.Culture);
        format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolOf(store.Currency, Culture);
    }

    public CultureInfo Culture { get; }

    public string Format(Money money) => money.Amount.ToString("C2", format);

    /// <summary>A price difference with an explicit sign: <c>+€60.00</c>, <c>-€5.50</c>.</summary>
    public string FormatDelta(Money delta) => delta.Minor switch
    {
        > 0 => "+" + Format(delta),
        < 0 => "-" + Format(new Money(-delta.Minor)),
        _ => Format(delta),
    };

    public string FormatPercent(decimal ratio) => ratio.ToString("+0.#%;-0.#%;0%", Culture);

    private static string SymbolOf(string currencyCode, CultureInfo preferred)
    {
        if (IsCurrencyOf(preferred, currencyCode))
        {
            return preferred.NumberFormat.CurrencySymbol;
        }
        var match = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .FirstOrDefault(c => IsCurrencyOf(c, currencyCode));
        return match?.NumberFormat.CurrencySymbol ?? currencyCode;
    }

    private static bool IsCurrencyOf(CultureInfo culture, string currencyCode)
    {
        try
        {
            return string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, currencyCode, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
