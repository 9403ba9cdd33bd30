using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Features.Insights;

/// <summary>Which finished consultations a figure covers: the UTC days they finished on, and optionally one clerk, category or family.</summary>
public sealed record InsightsFilter(DateOnly From, DateOnly To, string? ClerkId = null, int? CategoryId = null, int? FamilyId = null)
{
    public const int DefaultDays = 30;

    /// <summary>The longest range one dashboard query covers, so a typo in a year cannot scan a decade.</summary>
    public const int MaxDays = 366;

    public static InsightsFilter LastDays(DateOnly today, int days = DefaultDays) => new(today.AddDays(1 - days), today);

    /// <summary>Null when the filter is usable; otherwise what is wrong with it, in English (for exceptions and logs).</summary>
    public string? Problem => ProblemIn(null);

    /// <summary>Null when the filter is usable; otherwise what is wrong with it, in <paramref name="text"/>'s language (English without one).</summary>
    public string? ProblemIn(IStringLocalizer<InsightsText>? text) => From > To
        ? text?["The start date is after the end date."] ?? "The start date is after the end date."
        : To.DayNumber - From.DayNumber + 1 > MaxDays
            ? text?.Plural("Choose at most {0} days.", MaxDays) ?? string.Create(CultureInfo.InvariantCulture, $"Choose at most {MaxDays} days.")
            : null;
}
