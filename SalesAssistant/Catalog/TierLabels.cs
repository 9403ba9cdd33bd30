namespace SalesAssistant.Catalog;

/// <summary>The names of a family's tiers, as clerks and managers see them: Good, Better, Best, Premium.</summary>
public static class TierLabels
{
    private static readonly string[] Words = ["Good", "Better", "Best", "Premium"];

    public static string Of(int? tier) => tier switch
    {
        null => "",
        >= 1 and <= 4 => Words[tier.Value - 1],
        _ => $"Tier {tier}",
    };
}
