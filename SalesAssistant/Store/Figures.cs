using System.Globalization;
using SalesAssistant.Catalog;

namespace SalesAssistant.Store;

/// <summary>How the dashboard and the A/B tests write their figures: in the store's culture for people, invariant in data-value for tests and tools.</summary>
public static class Figures
{
    public const string NoData = "no data";

    /// <summary>part ÷ whole; null when there is nothing to divide by.</summary>
    public static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    public static string Percent(double? rate, CultureInfo culture) => rate?.ToString("0.#%", culture) ?? NoData;

    public static string Value(double? rate) => rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(long? minor, MoneyFormatter format) => minor is { } m ? format.Format(new Money(m)) : NoData;

    public static string Delta(long? minor, MoneyFormatter format) => minor is { } m ? format.FormatDelta(new Money(m)) : NoData;

    public static string Value(long? minor) => minor is { } m ? new Money(m).ToInvariant() : "";

    /// <summary>"1 of 3" beside a rate, so a manager sees how many offers stand behind it.</summary>
    public static string OutOf(int part, int whole) => whole == 0 ? "" : $"{part} of {whole}";
}
