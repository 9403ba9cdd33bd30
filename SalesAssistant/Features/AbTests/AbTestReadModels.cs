using SalesAssistant.Store;

namespace SalesAssistant.Features.AbTests;

/// <summary>The A/B test running on a product's talking points, if any.</summary>
public sealed record RunningAbTest(int Id, int PointAId, int PointBId, DateTimeOffset StartedAt, string StartedBy)
{
    /// <summary>"A" or "B" for a point of the test; null for any other point.</summary>
    public string? LetterOf(int pointId) => pointId == PointAId ? "A" : pointId == PointBId ? "B" : null;
}

/// <summary>One variant of a test: the offers that led with its talking point, and how many were accepted.</summary>
public sealed record AbVariant(int TalkingPointId, string Text, int Offers, int Accepted)
{
    public double? AcceptanceRate => Figures.Rate(Accepted, Offers);
}

public sealed record AbTestResult(
    int Id, string ProductSku, string ProductName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    AbVariant A, AbVariant B, TwoProportionTest Test);
