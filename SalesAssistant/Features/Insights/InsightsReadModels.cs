using SalesAssistant.Features.AbTests;

namespace SalesAssistant.Features.Insights;

public enum TrendGrain
{
    Day = 1,
    Week = 2,
}

/// <summary>How often an accessory was shown on the accessory step and how often it went into the basket.</summary>
public sealed record AccessoryAttachRow(string Sku, string Name, int Offered, int Attached)
{
    public double? AttachRate => Tally.Rate(Attached, Offered);
}

/// <summary>
/// One talking point's record: offers it was on screen for, how many of those were accepted, and the acceptance of
/// the same product's offers without it, for comparison.
/// </summary>
public sealed record TalkingPointRow(
    int TalkingPointId, string ProductSku, string ProductName, string Text, bool IsRetired,
    int Shown, int Accepted, int OtherOffers, int OtherAccepted)
{
    public double? AcceptanceRate => Tally.Rate(Accepted, Shown);
    public double? OtherAcceptanceRate => Tally.Rate(OtherAccepted, OtherOffers);
}

public sealed record InsightsReport(
    InsightsFilter Filter,
    TrendGrain Grain,
    Tally Summary,
    int DemoConsultations,
    IReadOnlyList<TallyRow> Trend,
    IReadOnlyList<TallyRow> ByFamily,
    IReadOnlyList<TallyRow> ByTier,
    IReadOnlyList<TallyRow> ByClerk,
    IReadOnlyList<TallyRow> ByChosenProduct,
    IReadOnlyList<TallyRow> ByMainProduct,
    IReadOnlyList<AccessoryAttachRow> ByAccessory,
    IReadOnlyList<TalkingPointRow> TalkingPoints,
    IReadOnlyList<AbTestResult> AbTests);

public sealed record FilterChoice(string Key, string Label);

/// <summary>What the dashboard's filters can be set to: the short lists; families are too many in a chain's catalog to list, so they are searched (<see cref="InsightsService.FamilyChoicesAsync"/>).</summary>
public sealed record InsightsFilterChoices(IReadOnlyList<FilterChoice> Clerks, IReadOnlyList<FilterChoice> Categories);
