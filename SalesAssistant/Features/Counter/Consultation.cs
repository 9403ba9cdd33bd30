using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Counter;

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
}

public enum BasketLineRole
{
    Main = 1,
    Accessory = 2,
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
