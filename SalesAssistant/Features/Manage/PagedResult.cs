namespace SalesAssistant.Features.Manage;

/// <summary>One page of a manager's list, with how many rows the whole list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
