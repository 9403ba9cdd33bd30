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

    /// <summary>The same, for code without an injected localizer: the current UI culture's texts (<see cref="CatalogText.Current"/>).</summary>
    public static string Of(int? tier) => Of(tier, CatalogText.Current);
}
