using Microsoft.Extensions.Localization;

namespace SalesAssistant.Catalog;

/// <summary>The names of a family's tiers, as clerks and managers see them: Good, Better, Best, Premium (in their language).</summary>
public static class TierLabels
{
    /// <summary>The label of <paramref name="tier"/> in the current language; "" for a product without a tier.</summary>
    public static string Of(int? tier, IStringLocalizer<CatalogText> text) => tier switch
    {
        null => "",
        1 => text["Good"],
        2 => text["Better"],
        3 => text["Best"],
        4 => text["Premium"],
        _ => text["Tier {0}", tier.Value],
    };

    /// <summary>The English label, for files (the insights CSV): a file reads the same whatever its reader's language.</summary>
    public static string InFiles(int? tier) => tier switch
    {
        null => "",
        >= 1 and <= 4 => FileWords[tier.Value - 1],
        _ => $"Tier {tier}",
    };

    private static readonly string[] FileWords = ["Good", "Better", "Best", "Premium"];
}
