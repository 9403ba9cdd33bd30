using SalesAssistant.Catalog;

namespace SalesAssistant.Data;

public enum ConsultationStep
{
    Upsell = 1,
    Accessories = 2,
    Summary = 3,
    Finished = 4,
}

public enum OfferStep
{
    Upsell = 1,
    Accessories = 2,
}

public enum CustomerReaction
{
    Positive = 1,
    Neutral = 2,
    Negative = 3,
}

public enum UpsellOutcome
{
    /// <summary>The baseline product had no higher tier in stock.</summary>
    NotOffered = 1,
    Accepted = 2,
    KeptOriginal = 3,
    StoppedByNegativeReaction = 4,
}

/// <summary>One customer at the counter, persisted step by step so a reload or a lost connection resumes it.</summary>
public sealed class Consultation
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The UTC day the consultation finished on; the dashboard's trends group by it.</summary>
    public DateOnly? FinishedOn { get; set; }

    /// <summary>Generated demo history (see <c>DemoHistory:Enabled</c>), never a real customer.</summary>
    public bool IsDemo { get; set; }
    public ConsultationStep Step { get; set; }

    /// <summary>The clerk (or manager) who ran the consultation.</summary>
    public string? ClerkId { get; set; }

    /// <summary>The product the customer chose first; uplift is measured against it.</summary>
    public int BaselineProductId { get; set; }
    public Product? BaselineProduct { get; set; }
    public long BaselinePriceMinor { get; set; }

    public UpsellOutcome? UpsellOutcome { get; set; }
    public bool AccessoriesOffered { get; set; }
    public bool AccessoriesStoppedByNegativeReaction { get; set; }

    public List<BasketLine> Lines { get; set; } = [];
    public List<ReactionRecord> Reactions { get; set; } = [];
    public List<Offer> Offers { get; set; } = [];
}

public enum BasketLineRole
{
    Main = 1,
    Accessory = 2,

    /// <summary>Any other product the customer asked for, added by search on the accessory step.</summary>
    Extra = 3,
}

public sealed class BasketLine
{
    public int Id { get; set; }
    public Guid ConsultationId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public BasketLineRole Role { get; set; }

    /// <summary>The price when it went into the basket, so later price edits do not change a recorded sale.</summary>
    public long UnitPriceMinor { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public sealed class ReactionRecord
{
    public int Id { get; set; }
    public Guid ConsultationId { get; set; }
    public OfferStep Step { get; set; }
    public CustomerReaction Reaction { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One product shown to the customer as an up-sell option or an accessory, with the talking points on screen.</summary>
public sealed class Offer
{
    public int Id { get; set; }
    public Guid ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }
    public OfferStep Step { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public DateTimeOffset ShownAt { get; set; }

    /// <summary>The A/B test the product was in when shown, and the variant (talking point) the offer led with.</summary>
    public int? AbTestId { get; set; }
    public int? LeadTalkingPointId { get; set; }

    public List<OfferTalkingPoint> TalkingPoints { get; set; } = [];
}

public sealed class OfferTalkingPoint
{
    public int OfferId { get; set; }
    public int TalkingPointId { get; set; }
    public TalkingPoint? TalkingPoint { get; set; }

    /// <summary>0 for the point shown first.</summary>
    public int Position { get; set; }
}
