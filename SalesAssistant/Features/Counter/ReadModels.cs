using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Counter;

public sealed record ProductHit(string Sku, string? Ean, string Name, string? Brand, string Category, Money Price, int Stock);

public sealed record SpecLine(string Key, string Value);

/// <summary>A talking point as the clerk says it; the id lets the dashboard tell which points were on screen.</summary>
public sealed record PitchPoint(int Id, string Text);

/// <summary>What the clerk shows and says about one product.</summary>
public sealed record ProductPitch(
    int Id,
    string Sku,
    string Name,
    string? Brand,
    string Category,
    Money Price,
    int Stock,
    string? FamilyName,
    int? Tier,
    IReadOnlyList<SpecLine> Specs,
    IReadOnlyList<PitchPoint> TalkingPoints);

/// <summary>A spec line of an up-sell option that differs from the baseline; <see cref="BaselineValue"/> is null when the baseline lacks it.</summary>
public sealed record SpecDifference(string Key, string? BaselineValue, string Value);

/// <summary>A higher tier offered on the up-sell step; the page names its tier in the clerk's language (<see cref="TierLabels"/>).</summary>
public sealed record UpsellOption(ProductPitch Product, Money PriceDelta, IReadOnlyList<SpecDifference> Differences);

public sealed record AccessoryOffer(string Sku, string Name, string? Brand, Money Price, int Stock, string? Reason, bool InBasket);

public sealed record BasketLineView(string Sku, string Name, BasketLineRole Role, Money Price);

public sealed record BasketView(IReadOnlyList<BasketLineView> Lines, Money Baseline)
{
    public Money Total => Money.Sum(Lines.Select(l => l.Price));
    public Money Uplift => Total - Baseline;

    /// <summary>Uplift as a share of the original choice; null when the original choice was free.</summary>
    public decimal? UpliftRatio => Baseline.Minor == 0 ? null : (decimal)Uplift.Minor / Baseline.Minor;
}

public sealed record ConsultationView(
    Guid Id,
    ConsultationStep Step,
    DateTimeOffset StartedAt,
    ProductPitch Baseline,
    ProductPitch MainProduct,
    UpsellOutcome? UpsellOutcome,
    IReadOnlyList<UpsellOption> UpsellOptions,
    bool AccessoriesStoppedByNegativeReaction,
    IReadOnlyList<AccessoryOffer> Accessories,
    BasketView Basket);
