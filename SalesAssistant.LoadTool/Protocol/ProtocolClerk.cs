using System.Diagnostics;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// A clerk typing into the product search over the circuit protocol, without a browser: one "input" event per keystroke
/// to the search field's rendered oninput handler, as blazor.web.js would send it. Times are measured from sending a
/// keystroke to receiving the render batch that shows the results (its string table carries the product-result or
/// no-results markup), so they are the server's and the network's share, without a browser's layout and paint.
/// </summary>
internal sealed class ProtocolClerk : IAsyncDisposable
{
    private const string SearchTestId = "product-search";

    private readonly object gate = new();
    private ProtocolCircuit circuit = null!;
    private ulong inputHandler;
    private Func<RenderBatchReader, long, bool>? waitingFor;
    private TaskCompletionSource<long>? waiter;
    private string value = "";

    public int Keystrokes { get; private set; }

    public List<double> ResultLatenciesMs { get; } = [];

    public List<double> EchoLatenciesMs { get; } = [];

    public int DispatchErrors => circuit.DispatchErrors;

    public static async Task<ProtocolClerk> OpenAsync(AppTarget target, HttpClient http, CancellationToken ct)
    {
        var clerk = new ProtocolClerk();
        clerk.circuit = await ProtocolCircuit.OpenAsync(target, http, "/", TimeSpan.FromSeconds(60), ct, clerk.OnBatch);
        // The first interactive render carries the search field and its handler.
        var watch = Stopwatch.StartNew();
        while (clerk.inputHandler == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, ct);
        }
        if (clerk.inputHandler == 0)
        {
            await clerk.DisposeAsync();
            throw new InvalidOperationException($"No oninput handler on [data-testid={SearchTestId}] in the render batches.");
        }
        return clerk;
    }

    private void OnBatch(byte[] data, long arrived)
    {
        var batch = new RenderBatchReader(data);
        if (Environment.GetEnvironmentVariable("LOADTOOL_DEBUG") == "1")
        {
            Console.Error.WriteLine($"batch {data.Length} B at {arrived}: " + string.Join("|", batch.Strings().Take(40)));
        }
        lock (gate)
        {
            // The first render names the field by its data-testid. Each re-render of the field gives its oninput a new
            // handler id (sent as a lone attribute update, and the old id is disposed a batch later): the search field is
            // the only element with an oninput on this page, so any new oninput is its.
            if (batch.EventHandlerOf(SearchTestId, "oninput") is { } id)
            {
                inputHandler = id;
            }
            else if (inputHandler != 0 && batch.EventHandlersNamed("oninput") is [.., var fresh])
            {
                inputHandler = fresh;
            }
            if (waiter is not null && waitingFor!(batch, arrived))
            {
                waiter.TrySetResult(arrived);
                waiter = null;
            }
        }
    }

    private Task<long> Arm(Func<RenderBatchReader, long, bool> predicate)
    {
        lock (gate)
        {
            waitingFor = predicate;
            waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return waiter.Task;
        }
    }

    private async Task InputAsync(string text, CancellationToken ct)
    {
        ulong handler;
        lock (gate)
        {
            handler = inputHandler;
        }
        value = text;
        if (Environment.GetEnvironmentVariable("LOADTOOL_DEBUG") == "1")
        {
            Console.Error.WriteLine($"send '{text}' to {handler} at {Stopwatch.GetTimestamp()}");
        }
        await circuit.DispatchEventAsync(handler, "input", new { value = text }, ct);
    }

    /// <summary>
    /// Clears the field (back to the categories), then types <paramref name="word"/> a key at a time and waits for its results.
    /// The results batch is the first one whose string table carries product-result or no-results markup (the list is
    /// inserted fresh after a cleared field). If the server is so slow that a search finishes mid-word, that is a sample
    /// from the key before it, and the word's final results are then the second batch after its last key (echo, then results).
    /// </summary>
    public async Task TypeWordAsync(string word, int keyDelayMs, TimeSpan timeout, CancellationToken ct)
    {
        if (value.Length > 0)
        {
            var cleared = Arm((b, _) => b.ContainsString("categories"));
            await InputAsync("", ct);
            await cleared.WaitAsync(timeout, ct);
        }

        var batchesSinceSend = 0;
        var echoFrom = Stopwatch.GetTimestamp();
        var echo = Arm((_, _) => true);
        var results = default(Task<long>);
        long lastSent = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            lastSent = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref batchesSinceSend, 0);
            await InputAsync(word[..i], ct);
            Keystrokes++;
            if (i == 1)
            {
                EchoLatenciesMs.Add(Stopwatch.GetElapsedTime(echoFrom, await echo.WaitAsync(timeout, ct)).TotalMilliseconds);
                results = Arm((b, _) =>
                {
                    Interlocked.Increment(ref batchesSinceSend);
                    return b.ContainsString("product-result") || b.ContainsString("no-results");
                });
            }
            if (i < word.Length)
            {
                await Task.Delay(keyDelayMs, ct);
                if (results is { IsCompleted: true })
                {
                    ResultLatenciesMs.Add(Stopwatch.GetElapsedTime(lastSent, await results).TotalMilliseconds);
                    results = Arm((_, _) => Interlocked.Increment(ref batchesSinceSend) >= 2);
                }
            }
        }
        var shown = await results!.WaitAsync(timeout, ct);
        ResultLatenciesMs.Add(Stopwatch.GetElapsedTime(lastSent, shown).TotalMilliseconds);
    }

    public ValueTask DisposeAsync() => circuit.DisposeAsync();
}
