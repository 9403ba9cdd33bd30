namespace SalesAssistant.Features.Insights;

/// <summary>Which finished consultations a figure covers: the UTC days they finished on, and optionally one clerk, category or family.</summary>
public sealed record InsightsFilter(DateOnly From, DateOnly To, string? ClerkId = null, int? CategoryId = null, int? FamilyId = null)
{
    public const int DefaultDays = 30;

    /// <summary>The longest range one dashboard query covers, so a typo in a year cannot scan a decade.</summary>
    public const int MaxDays = 366;

    public static InsightsFilter LastDays(DateOnly today, int days = DefaultDays) => new(today.AddDays(1 - days), today);

    /// <summary>Null when the filter is usable; otherwise what is wrong with it.</summary>
    public string? Problem => From > To
        ? "The start date is after the end date."
        : To.DayNumber - From.DayNumber + 1 > MaxDays ? $"Choose at most {MaxDays} days." : null;
}
