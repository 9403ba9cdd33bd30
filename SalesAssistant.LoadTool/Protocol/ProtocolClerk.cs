using System.Diagnostics;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// A clerk typing into the product search over the circuit protocol, without a browser: keydown, input and keyup events
/// per keystroke to the search field's rendered handlers, as blazor.web.js sends them. Each keystroke is timed from
/// sending it to the first moment the client holds the results for its text (or a later one): the server has answered
/// its input event (or a later keystroke's; answers follow the render batches the handler caused) and no busy bar is
/// rendered (the bar's component, inserted with a search running, is disposed when the search's results render).
/// Server + loopback, no layout or paint.
/// </summary>
internal sealed class ProtocolClerk : IAsyncDisposable
{
    private const string SearchTestId = "product-search";

    private readonly object gate = new();
    private ProtocolCircuit circuit = null!;
    private static readonly string[] KeyEvents = ["onkeydown", "oninput", "onkeyup"];
    private readonly Dictionary<string, ulong> handlers = [];
    private ulong inputHandler;
    private readonly List<PendingKey> pending = [];
    private HashSet<int> busyBar = [];
    private string value = "";
    private int busyBarRenders;

    /// <summary>A keystroke sent; <see cref="Shown"/> completes with the timestamp its results were on the client, or null if the server refused it.</summary>
    private sealed class PendingKey
    {
        public string? CallId { get; set; }

        public bool Answered { get; set; }

        public bool Refused { get; set; }

        public TaskCompletionSource<long?> Shown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public int Keystrokes { get; private set; }

    /// <summary>Every keystroke: sent → the server's answer to its input event (its results are on the client by then).</summary>
    public List<double> ResultLatenciesMs { get; } = [];

    /// <summary>The last keystroke of each word: sent → its results (the word's final results) on the client.</summary>
    public List<double> LastKeyLatenciesMs { get; } = [];

    /// <summary>Keystrokes whose input event the server answered with an error (no sample for them).</summary>
    public int RefusedKeystrokes { get; private set; }

    /// <summary>Render batches that inserted the busy bar (a search still running when the keystroke's handler rendered).</summary>
    public int BusyBarRenders => Volatile.Read(ref busyBarRenders);

    public int DispatchErrors => circuit.DispatchErrors;

    public static async Task<ProtocolClerk> OpenAsync(AppTarget target, HttpClient http, CancellationToken ct)
    {
        var clerk = new ProtocolClerk();
        clerk.circuit = await ProtocolCircuit.OpenAsync(target, http, "/", TimeSpan.FromSeconds(60), ct, clerk.OnBatch);
        clerk.circuit.DotNetCallEnded += clerk.OnCallEnded;
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
            if (busyBar.Count > 0 && batch.DisposedComponentIds().Any(busyBar.Contains))
            {
                busyBar = [];
            }
            if (batch.Strings().Any(t => t.Contains("mud-progress-linear", StringComparison.Ordinal)))
            {
                busyBarRenders++;
                busyBar = [.. batch.InsertedComponentIds()];
            }
            ResolveShown(arrived);
        }
    }

    private void OnCallEnded(string callId, bool success, long arrived)
    {
        if (Environment.GetEnvironmentVariable("LOADTOOL_DEBUG") == "1")
        {
            Console.Error.WriteLine($"answer {callId} {success} at {arrived}");
        }
        lock (gate)
        {
            if (pending.Find(k => k.CallId == callId) is { } key)
            {
                key.Answered = true;
                key.Refused = !success;
                ResolveShown(arrived);
            }
        }
    }

    /// <summary>With no busy bar, every keystroke up to the last answered one has its results (or a later text's) on the client. Under <see cref="gate"/>.</summary>
    private void ResolveShown(long at)
    {
        var last = pending.FindLastIndex(k => k.Answered);
        if (busyBar.Count > 0 || last < 0)
        {
            return;
        }
        foreach (var key in pending.Take(last + 1))
        {
            key.Shown.TrySetResult(key.Refused ? null : at);
        }
        pending.RemoveRange(0, last + 1);
    }

    /// <summary>
    /// What a browser sends for one key into the field: keydown, input (the new value), keyup. Completes when sent,
    /// with the server's answer to the input event to come.
    /// </summary>
    private async Task<Task<long?>> KeyAsync(string text, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("LOADTOOL_DEBUG") == "1")
        {
            Console.Error.WriteLine($"send '{text}' at {Stopwatch.GetTimestamp()}");
        }
        var keyName = text.Length > value.Length ? text[^1..] : "Backspace";
        value = text;
        await circuit.DispatchEventAsync(() => Handler("onkeydown"), "keydown", KeyArgs(keyName, "keydown"), ct);
        var key = new PendingKey();
        lock (gate)
        {
            pending.Add(key);
        }
        await circuit.DispatchEventAsync(() => Handler("oninput"), "input", new { value = text }, ct, callId =>
        {
            lock (gate)
            {
                key.CallId = callId;
            }
        });
        await circuit.DispatchEventAsync(() => Handler("onkeyup"), "keyup", KeyArgs(keyName, "keyup"), ct);
        return key.Shown.Task;
    }

    /// <summary>The search field's current handler for <paramref name="name"/>, as the latest render batch left it.</summary>
    private ulong? Handler(string name)
    {
        lock (gate)
        {
            return name == "oninput" ? inputHandler : handlers.TryGetValue(name, out var id) ? id : null;
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
    /// Clears the field (back to the categories), then types <paramref name="word"/> a key at a time and waits until
    /// every keystroke's results are on the client. One sample per keystroke: sent → its results (or a later text's) shown.
    /// </summary>
    public async Task TypeWordAsync(string word, int keyDelayMs, TimeSpan timeout, CancellationToken ct)
    {
        if (value.Length > 0)
        {
            try
            {
                await (await KeyAsync("", ct)).WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"clearing the field was not answered within {timeout.TotalSeconds:0} s");
            }
        }

        var keys = new List<(long Sent, Task<long?> Answer)>(word.Length);
        for (var i = 1; i <= word.Length; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            keys.Add((sent, await KeyAsync(word[..i], ct)));
            Keystrokes++;
            if (i < word.Length)
            {
                await Task.Delay(keyDelayMs, ct);
            }
        }
        try
        {
            await Task.WhenAll(keys.Select(k => k.Answer)).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            var unanswered = keys.Count(k => !k.Answer.IsCompleted);
            string state;
            lock (gate)
            {
                state = $"{pending.Count(k => k.Answered)} of them answered, busy bar {(busyBar.Count > 0 ? "on" : "off")}";
                pending.Clear();
                busyBar = [];
            }
            throw new TimeoutException($"'{word}': {unanswered} of {keys.Count} keystrokes without results {timeout.TotalSeconds:0} s after the last one ({state})");
        }
        foreach (var (sent, answer) in keys)
        {
            if (await answer is { } at)
            {
                ResultLatenciesMs.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
            else
            {
                RefusedKeystrokes++;
            }
        }
        if (await keys[^1].Answer is { } lastAt)
        {
            LastKeyLatenciesMs.Add(Stopwatch.GetElapsedTime(keys[^1].Sent, lastAt).TotalMilliseconds);
        }
    }

    public ValueTask DisposeAsync() => circuit.DisposeAsync();
}
