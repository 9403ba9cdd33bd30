namespace SalesAssistant.Features.Insights;

/// <summary>The texts of the dashboard, frequently bought together, till sales. Resources: InsightsText.resx (English, the neutral language) and InsightsText.{it,pl,nl}.resx.</summary>
public sealed class InsightsText;
