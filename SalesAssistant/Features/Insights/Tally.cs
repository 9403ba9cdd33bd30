namespace SalesAssistant.Features.Insights;

/// <summary>
/// Counts over a set of finished consultations, from which every dashboard rate is derived. Rates are null when
/// nothing was offered (the dashboard shows "no data" rather than 0% or a division by zero).
/// </summary>
public sealed record Tally
{
    public int Consultations { get; init; }
    public int UpsellOffered { get; init; }
    public int UpsellAccepted { get; init; }
    public int UpsellNegative { get; init; }
    public int AccessoriesOffered { get; init; }
    public int AccessoriesAttached { get; init; }
    public int AccessoriesNegative { get; init; }
    public long BasketMinor { get; init; }
    public long BaselineMinor { get; init; }

    public static Tally Empty { get; } = new();

    public double? UpsellAcceptanceRate => Rate(UpsellAccepted, UpsellOffered);
    public double? UpsellNegativeRate => Rate(UpsellNegative, UpsellOffered);
    public double? AttachRate => Rate(AccessoriesAttached, AccessoriesOffered);
    public double? AccessoriesNegativeRate => Rate(AccessoriesNegative, AccessoriesOffered);

    public long UpliftMinor => BasketMinor - BaselineMinor;
    public long? AverageBasketMinor => Consultations == 0 ? null : (long)Math.Round((double)BasketMinor / Consultations, MidpointRounding.AwayFromZero);
    public long? AverageUpliftMinor => Consultations == 0 ? null : (long)Math.Round((double)UpliftMinor / Consultations, MidpointRounding.AwayFromZero);

    /// <summary>Total uplift as a share of what the customers first chose.</summary>
    public double? UpliftRatio => Rate(UpliftMinor, BaselineMinor);

    public static double? Rate(long part, long whole) => Store.Figures.Rate(part, whole);

    public static Tally operator +(Tally a, Tally b) => new()
    {
        Consultations = a.Consultations + b.Consultations,
        UpsellOffered = a.UpsellOffered + b.UpsellOffered,
        UpsellAccepted = a.UpsellAccepted + b.UpsellAccepted,
        UpsellNegative = a.UpsellNegative + b.UpsellNegative,
        AccessoriesOffered = a.AccessoriesOffered + b.AccessoriesOffered,
        AccessoriesAttached = a.AccessoriesAttached + b.AccessoriesAttached,
        AccessoriesNegative = a.AccessoriesNegative + b.AccessoriesNegative,
        BasketMinor = a.BasketMinor + b.BasketMinor,
        BaselineMinor = a.BaselineMinor + b.BaselineMinor,
    };
}

/// <summary>A tally for one row of a breakdown (a day, a family, a clerk, a product).</summary>
public sealed record TallyRow(string Key, string Label, Tally Tally);
