namespace SalesAssistant.Data;

/// <summary>An offer and whether the customer took it.</summary>
public sealed class OfferOutcome
{
    public int OfferId { get; init; }
    public int ProductId { get; init; }
    public OfferStep Step { get; init; }
    public int? AbTestId { get; init; }
    public int? LeadTalkingPointId { get; init; }
    public bool Accepted { get; init; }
}

public static class OfferOutcomes
{
    /// <summary>
    /// Each offer with whether the customer took it, in SQL: an up-sell option is accepted when it became the main
    /// product, an accessory when it is in the basket at the end. The dashboard and the A/B tests count the same way.
    /// </summary>
    public static IQueryable<OfferOutcome> WithOutcome(this IQueryable<Offer> offers) => offers.Select(o => new OfferOutcome
    {
        OfferId = o.Id,
        ProductId = o.ProductId,
        Step = o.Step,
        AbTestId = o.AbTestId,
        LeadTalkingPointId = o.LeadTalkingPointId,
        Accepted = o.Step == OfferStep.Upsell
            ? o.Consultation!.UpsellOutcome == UpsellOutcome.Accepted && o.Consultation.Lines.Any(l => l.Role == BasketLineRole.Main && l.ProductId == o.ProductId)
            : o.Consultation!.Lines.Any(l => l.Role == BasketLineRole.Accessory && l.ProductId == o.ProductId),
    });
}
