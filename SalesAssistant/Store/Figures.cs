using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesAssistant.Catalog;

namespace SalesAssistant.Store;

/// <summary>
/// How the dashboard and the A/B tests write their figures: in the store's culture for people, invariant in data-value
/// for tests and tools. The words ("no data", "1 of 3") come from the caller's resources, which hold the keys
/// <see cref="NoData"/> and <see cref="OutOfKey"/>.
/// </summary>
public static class Figures
{
    /// <summary>The resource key (and the English) of a rate or an amount without data.</summary>
    public const string NoData = "no data";

    /// <summary>The resource key (and the English) of "1 of 3": <c>{0}</c> the part, <c>{1}</c> the whole.</summary>
    public const string OutOfKey = "{0} of {1}";

    /// <summary>part ÷ whole; null when there is nothing to divide by.</summary>
    public static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    public static string Percent(double? rate, CultureInfo culture, IStringLocalizer text) => rate?.ToString("0.#%", culture) ?? text[NoData];

    public static string Value(double? rate) => rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(long? minor, MoneyFormatter format, IStringLocalizer text) => minor is { } m ? format.Format(new Money(m)) : text[NoData];

    public static string Delta(long? minor, MoneyFormatter format, IStringLocalizer text) => minor is { } m ? format.FormatDelta(new Money(m)) : text[NoData];

    public static string Value(long? minor) => minor is { } m ? new Money(m).ToInvariant() : "";

    /// <summary>"1 of 3" beside a rate, so a manager sees how many offers stand behind it.</summary>
    public static string OutOf(int part, int whole, IStringLocalizer text) => whole == 0 ? "" : text[OutOfKey, part, whole];
}
