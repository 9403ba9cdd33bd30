using System.Globalization;

namespace SalesAssistant.Catalog;

/// <summary>An amount in minor units (cents) of the store currency. Stored as an integer so SQL sorts and compares it exactly.</summary>
public readonly record struct Money(long Minor) : IComparable<Money>
{
    public static Money Zero => new(0);

    public decimal Amount => Minor / 100m;

    /// <summary>Invariant form for machines: <c>60.00</c>, <c>-5.50</c>.</summary>
    public string ToInvariant() => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static Money operator +(Money a, Money b) => new(a.Minor + b.Minor);
    public static Money operator -(Money a, Money b) => new(a.Minor - b.Minor);
    public static bool operator <(Money a, Money b) => a.Minor < b.Minor;
    public static bool operator >(Money a, Money b) => a.Minor > b.Minor;
    public static bool operator <=(Money a, Money b) => a.Minor <= b.Minor;
    public static bool operator >=(Money a, Money b) => a.Minor >= b.Minor;

    public int CompareTo(Money other) => Minor.CompareTo(other.Minor);

    public static Money Sum(IEnumerable<Money> amounts) => new(amounts.Sum(a => a.Minor));
}
