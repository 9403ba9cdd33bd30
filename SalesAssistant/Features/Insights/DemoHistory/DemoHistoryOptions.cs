namespace SalesAssistant.Features.Insights.DemoHistory;

/// <summary>
/// <c>DemoHistory:*</c>: fills a database that has no real consultations or sales with a generated, reproducible
/// history so a newcomer's dashboard is not empty. On in Development (appsettings.Development.json), off otherwise.
/// </summary>
public sealed class DemoHistoryOptions
{
    public const string Section = "DemoHistory";

    public bool Enabled { get; set; }
    public int Consultations { get; set; } = 3000;
    public int TillOrders { get; set; } = 1500;
    public int Days { get; set; } = 56;

    /// <summary>The same seed gives the same history (relative to the day it is generated).</summary>
    public int Seed { get; set; } = 2026;
}
