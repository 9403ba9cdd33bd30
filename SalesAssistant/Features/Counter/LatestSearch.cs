namespace SalesAssistant.Features.Counter;

/// <summary>
/// Search as you type without a fixed pause: a keystroke searches at once when no search is running; keystrokes
/// typed while one runs fold into a single search for the latest term, started as soon as the running one ends.
/// Results follow the typing as fast as the server answers, and a circuit never runs two searches at a time.
/// Used from one Blazor component (its calls never overlap, they only interleave at awaits).
/// </summary>
public sealed class LatestSearch<TResult>(Func<string, CancellationToken, Task<TResult>> search) : IDisposable
{
    private readonly CancellationTokenSource stopped = new();
    private string latest = "";

    public bool IsRunning { get; private set; }

    /// <summary>
    /// Call on every change of the search box. Completes with the results for <paramref name="term"/> when it is
    /// still the latest term once they arrive; null when a later call takes over, the term is blank, the search
    /// was <see cref="Reset"/> or this was disposed.
    /// </summary>
    public async Task<TResult?> TypedAsync(string term)
    {
        latest = term;
        if (IsRunning)
        {
            return default;
        }
        IsRunning = true;
        var ct = stopped.Token;
        try
        {
            while (!ct.IsCancellationRequested && !string.IsNullOrWhiteSpace(latest))
            {
                var searching = latest;
                var result = await search(searching, ct);
                if (searching == latest && !ct.IsCancellationRequested)
                {
                    return result;
                }
            }
            return default;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return default;
        }
        finally
        {
            IsRunning = false;
        }
    }

    /// <summary>The box was cleared by the page (a product was chosen): a search still running returns nothing.</summary>
    public void Reset() => latest = "";

    /// <summary>Stops a running search; its token stays valid to read, so a search ending meanwhile cannot fail.</summary>
    public void Dispose() => stopped.Cancel();
}
