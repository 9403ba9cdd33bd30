using SalesAssistant.Features.AbTests;
namespace SalesAssistant.Features.Manage.TalkingPoints;

public sealed record TalkingPointView(int Id, string Text, int Position, bool IsRetired, DateTimeOffset ReviewBy, DateTimeOffset UpdatedAt, int Version, bool IsStale);

public sealed record ProductAdvice(
    int ProductId, string Sku, string Name, IReadOnlyList<TalkingPointView> Active, IReadOnlyList<TalkingPointView> Retired, RunningAbTest? AbTest);

public sealed record TalkingPointChangeView(DateTimeOffset ChangedAt, string ChangedBy, Catalog.TalkingPointChangeKind Kind, string? Before, string? After);
