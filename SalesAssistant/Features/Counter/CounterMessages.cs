namespace SalesAssistant.Features.Counter;

/// <summary>
/// What the counter says when the database stayed busy (see <see cref="Data.BusyRetry"/>): the English texts, which are
/// also their keys in <see cref="CounterText"/> (<c>L[CounterMessages.Busy]</c>).
/// </summary>
public static class CounterMessages
{
    public const string Busy = "The system is busy for a moment: that tap was not saved. Please tap again.";
    public const string BusyLoading = "The system is busy for a moment and could not show this consultation. Nothing is lost: try again.";
}
