using System.Globalization;

namespace SalesAssistant.Localization;

/// <summary>CLDR plural categories (unicode.org/cldr, "Language Plural Rules"); a language uses some of them.</summary>
public enum PluralCategory { One, Few, Many, Other }

/// <summary>
/// The CLDR cardinal plural rules of the interface's languages, for whole numbers (counts of products, consultations,
/// offers). No package served here implements them; for these four languages they are the few lines below.
/// </summary>
public static class PluralRules
{
    /// <summary>The category <paramref name="count"/> takes in <paramref name="culture"/>'s language.</summary>
    public static PluralCategory Of(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            // pl: one: i = 1 and v = 0; few: i % 10 = 2..4 and i % 100 != 12..14; many: every other whole number.
            "pl" => n == 1 ? PluralCategory.One
                : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? PluralCategory.Few
                : PluralCategory.Many,
            // it: one: i = 1 and v = 0; many: whole millions ("un milione di prodotti"); other.
            "it" => n == 1 ? PluralCategory.One : n != 0 && n % 1_000_000 == 0 ? PluralCategory.Many : PluralCategory.Other,
            // en, nl: one: i = 1 and v = 0; other.
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The categories a language's translations must provide; any other falls back to <see cref="PluralCategory.Other"/>.</summary>
    public static IReadOnlyList<PluralCategory> Required(string language) => language switch
    {
        "pl" => [PluralCategory.One, PluralCategory.Few, PluralCategory.Many],
        _ => [PluralCategory.One, PluralCategory.Other],
    };

    /// <summary>The resource key of one plural form: <c>"{0} products|few"</c>.</summary>
    public static string KeyOf(string key, PluralCategory category) => key + "|" + category.ToString().ToLowerInvariant();
}
