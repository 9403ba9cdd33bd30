using System.Diagnostics;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// A clerk typing into the product search over the circuit protocol, without a browser: keydown, input and keyup events
/// per keystroke to the search field's rendered handlers, as blazor.web.js sends them. Times are measured from sending a
/// keystroke to receiving the render batch that shows the results (its string table carries the product-result or
/// no-results markup), so they are the server's and the network's share, without a browser's layout and paint.
/// </summary>
internal sealed class ProtocolClerk : IAsyncDisposable
{
    private const string SearchTestId = "product-search";

    private readonly object gate = new();
    private ProtocolCircuit circuit = null!;
    private static readonly string[] KeyEvents = ["onkeydown", "oninput", "onkeyup"];
    private readonly Dictionary<string, ulong> handlers = [];
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
            foreach (var group in batch.AttributeGroups().Where(g => g.Any(a => a.Value == SearchTestId)))
            {
                Console.Error.WriteLine("  search field attributes: " + string.Join(", ", group.Select(a => a.EventHandlerId > 0 ? $"{a.Name}#{a.EventHandlerId}" : a.Name)));
            }
        }
        lock (gate)
        {
            // The first render names the field by its data-testid. Each re-render of the field gives its oninput a new
            // handler id (sent as a lone attribute update, and the old id is disposed a batch later): the search field is
            // the only element with key and input handlers on this page, so any new one is its.
            if (batch.EventHandlerOf(SearchTestId, "oninput") is { } id)
            {
                inputHandler = id;
            }
            if (inputHandler != 0)
            {
                foreach (var name in KeyEvents)
                {
                    if (batch.EventHandlersNamed(name) is [.., var latest])
                    {
                        handlers[name] = latest;
                    }
                }
                inputHandler = handlers.GetValueOrDefault("oninput", inputHandler);
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

    /// <summary>What a browser sends for one key into the field: keydown, input (the new value), keyup.</summary>
    private async Task KeyAsync(string text, CancellationToken ct)
    {
        Dictionary<string, ulong> current;
        lock (gate)
        {
            current = new Dictionary<string, ulong>(handlers) { ["oninput"] = inputHandler };
        }
        if (Environment.GetEnvironmentVariable("LOADTOOL_DEBUG") == "1")
        {
            Console.Error.WriteLine($"send '{text}' to {string.Join(",", current)} at {Stopwatch.GetTimestamp()}");
        }
        var key = text.Length > value.Length ? text[^1..] : "Backspace";
        value = text;
        if (current.TryGetValue("onkeydown", out var down))
        {
            await circuit.DispatchEventAsync(down, "keydown", KeyArgs(key, "keydown"), ct);
        }
        await circuit.DispatchEventAsync(current["oninput"], "input", new { value = text }, ct);
        if (current.TryGetValue("onkeyup", out var up))
        {
            await circuit.DispatchEventAsync(up, "keyup", KeyArgs(key, "keyup"), ct);
        }
    }

    private static object KeyArgs(string key, string type) => new
    {
        key,
        code = key.Length == 1 ? "Key" + key.ToUpperInvariant() : key,
        location = 0,
        repeat = false,
        ctrlKey = false,
        shiftKey = false,
        altKey = false,
        metaKey = false,
        type,
    };

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
            await KeyAsync("", ct);
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
            await KeyAsync(word[..i], ct);
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
