namespace SalesAssistant.Features.Manage.TalkingPoints;

public enum ProductSort
{
    Name,
    Sku,
    Category,
    Price,
    Stock,
    StalePointsFirst,
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public sealed record TalkingPointView(int Id, string Text, int Position, bool IsRetired, DateTimeOffset ReviewBy, DateTimeOffset UpdatedAt, int Version, bool IsStale);

public sealed record ProductAdvice(
    int ProductId, string Sku, string Name, IReadOnlyList<TalkingPointView> Active, IReadOnlyList<TalkingPointView> Retired, RunningAbTest? AbTest);

/// <summary>The A/B test running on a product's talking points, if any.</summary>
public sealed record RunningAbTest(int Id, int PointAId, int PointBId, DateTimeOffset StartedAt, string StartedBy);

public sealed record TalkingPointChangeView(DateTimeOffset ChangedAt, string ChangedBy, Catalog.TalkingPointChangeKind Kind, string? Before, string? After);
