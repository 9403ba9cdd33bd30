using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using SalesAssistant.LoadTool.Protocol;

namespace SalesAssistant.LoadTool.Commands;

internal sealed record KeystrokeOptions(int Clerks, TimeSpan Duration, int Idle, int KeyDelayMs, string SeedFile, bool Lean = false, bool Protocol = false)
{
    public int Concurrency { get; init; } = 16;
}

internal sealed record KeystrokeResult(
    int Clerks,
    int IdleRequested,
    int IdleHeld,
    TimeSpan Duration,
    int KeyDelayMs,
    int Searches,
    int Keystrokes,
    IReadOnlyList<double> ResultLatenciesMs,
    IReadOnlyList<double> LastKeyLatenciesMs,
    IReadOnlyList<string> Failures,
    double ServerCpuPercentOfOneCore,
    double MachineBusyPercent,
    int Cores,
    bool Lean,
    bool Protocol = false,
    IReadOnlyList<string>? Notes = null) : IMarkdownResult
{
    public string ToMarkdown()
    {
        var results = new Stats(ResultLatenciesMs);
        var last = new Stats(LastKeyLatenciesMs);
        var table = Protocol
            ? new MarkdownTable("Search latency, protocol clerks (ms)", "n", "p50", "p95", "max")
                .Row("Every keystroke sent → results for the text typed so far (or later) on the client", results.Count, results.P50, results.P95, results.Max)
                .Row("Last keystroke of a word → the word's results on the client", last.Count, last.P50, last.P95, last.Max)
            : new MarkdownTable("Search latency (ms)", "n", "p50", "p95", "max")
                .Row("Every keystroke → results for the text typed so far (or later) on screen", results.Count, results.P50, results.P95, results.Max)
                .Row("Last keystroke of a word → the word's results on screen", last.Count, last.P50, last.P95, last.Max);
        var clients = Protocol
            ? $"{Clerks} protocol clerks (SignalR circuits, no browser: no layout/paint in these figures)"
            : $"{Clerks} clerks (Chromium pages{(Lean ? ", animations off" : "")})";
        var failed = Failures.Count == 0
            ? "0 failed words."
            : $"{Failures.Count} failed words; first reasons: " + string.Join("; ", Failures.GroupBy(f => f).Select(g => g.Count() > 1 ? $"{g.Key} (×{g.Count()})" : g.Key).Take(3)) + ".";
        return $"{clients} typing for {Duration.TotalSeconds:0} s ({KeyDelayMs} ms between keys), {IdleHeld}/{IdleRequested} idle circuits held alongside; "
            + $"{Searches} words, {Keystrokes} keystrokes, {failed} "
            + $"While typing: server CPU {ServerCpuPercentOfOneCore:0} % of one core, machine {MachineBusyPercent:0} % busy ({Cores} cores{(Protocol ? "" : ", shared with the browsers")}).\n\n{table}"
            + (Notes is { Count: > 0 } ? "\n" + string.Join("\n", Notes) + "\n" : "");
    }
}

/// <summary>
/// <c>keystroke --clerks K --duration S [--idle N]</c>: K signed-in Chromium pages type catalog words into the product search.
/// Every keystroke is a sample, measured in the page: from its keydown to the next animation frame once the results for
/// the text typed so far (or a later text) are on screen. The search box searches on every keystroke (LatestSearch:
/// at once when none runs, else folded into one search for the latest term), and the same results may need no DOM
/// change at all, so the DOM alone cannot tell whose results it shows. The probe also watches the page's WebSocket:
/// blazor.web.js sends each DOM event as <c>BeginInvokeDotNetFromJS(callId, …, "DispatchEventAsync", …)</c>, and the
/// server answers <c>JS.EndInvokeDotNet(callId, …)</c> when the handler has completed, after the render batches it
/// caused (which blazor.web.js applies synchronously on arrival). A keystroke is shown when the server has answered
/// its input event (or a later keystroke's) and the page shows results or "no results" with no busy bar.
/// </summary>
internal static class KeystrokeCommand
{
    private const string InstallProbe = """
        () => {
          const s = window.__lt = { samples: [], last: [], keys: 0, pending: [], current: null };
          const field = document.querySelector('[data-testid=product-search]');
          const input = field.matches('input') ? field : field.querySelector('input');
          const decoder = new TextDecoder();
          const text = d => typeof d === 'string' ? d : decoder.decode(d);
          const shown = () => document.querySelector('.mud-progress-linear') === null
            && document.querySelector('[data-testid=search-results] [data-testid=product-result], [data-testid=no-results]') !== null;
          const check = () => {
            let upTo = -1;
            s.pending.forEach((k, i) => { if (k.answered) upTo = i; });
            if (upTo < 0 || !shown()) return;
            // Results for a later text are results for this one too.
            const keys = s.pending.splice(0, upTo + 1);
            requestAnimationFrame(() => {
              const t = performance.now();
              for (const k of keys) { k.ms = t - k.t0; k.done = true; s.samples.push(k.ms); }
            });
          };
          input.addEventListener('keydown', () => {
            const k = { t0: performance.now(), callId: null, answered: false, done: false };
            s.keys++;
            s.current = k;
            s.pending.push(k);
          }, true);
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (data) {
            if (!this.__lt) {
              this.__lt = true;
              // Added after blazor.web.js's own handler: runs once the render batches in the same message are applied.
              this.addEventListener('message', e => {
                if (typeof e.data !== 'string' && !(e.data instanceof ArrayBuffer)) return;
                const m = text(e.data);
                if (!m.includes('JS.EndInvokeDotNet')) return;
                for (const match of m.matchAll(/JS\.EndInvokeDotNet[^0-9]{1,4}([0-9]+)/g)) {
                  for (const k of s.pending) if (k.callId === match[1]) k.answered = true;
                }
                check();
              });
            }
            if (typeof data === 'string' || data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
              const m = text(data);
              const k = s.current;
              if (k && k.callId === null && !k.done && m.includes('DispatchEventAsync') && m.includes('"eventName":"input"')) {
                const id = /BeginInvokeDotNetFromJS[^0-9]{1,4}([0-9]+)/.exec(m);
                if (id) k.callId = id[1];
              }
            }
            return send.call(this, data);
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          return input !== null;
        }
        """;

    private const string ProbeState = """
        () => {
          const s = window.__lt;
          const busy = document.querySelector('.mud-progress-linear') !== null;
          const results = document.querySelector('[data-testid=search-results] [data-testid=product-result], [data-testid=no-results]') !== null;
          const state = `${s.pending.length} keys not shown: ${s.pending.filter(k => k.answered).length} answered, `
            + `${s.pending.filter(k => k.callId === null).length} without an input event seen; busy bar ${busy ? 'on' : 'off'}, results ${results ? 'on' : 'off'} screen`;
          s.pending = [];
          s.current = null;
          return state;
        }
        """;

    public static async Task<KeystrokeResult> RunAsync(AppTarget target, KeystrokeOptions options, TextWriter progress, CancellationToken ct)
    {
        var words = CatalogWords.SearchWords(CatalogWords.Read(options.SeedFile));
        await using var idle = new CircuitPool(target);
        if (options.Idle > 0)
        {
            progress.WriteLine($"Opening {options.Idle} idle circuits...");
            await idle.OpenAsync(options.Idle, options.Concurrency, TimeSpan.FromMinutes(10), progress, ct);
        }

        if (options.Protocol)
        {
            return await RunProtocolClerksAsync(target, options, words, idle, progress, ct);
        }

        await using var chromium = await Chromium.LaunchAsync(options.Lean ? ["--renderer-process-limit=8"] : []);
        progress.WriteLine($"Opening {options.Clerks} clerk pages...");
        var pages = new List<IPage>();
        foreach (var chunk in Enumerable.Range(0, options.Clerks).Chunk(4))
        {
            pages.AddRange(await Task.WhenAll(chunk.Select(async _ =>
            {
                var page = await chromium.NewSignedInPageAsync(target, lean: options.Lean);
                await page.GoToInteractiveAsync("/", 120_000);
                if (!await page.EvaluateAsync<bool>(InstallProbe))
                {
                    throw new InvalidOperationException("No product search input on /.");
                }
                return page;
            })));
        }

        progress.WriteLine($"Typing for {options.Duration.TotalSeconds:0} s...");
        var failures = new List<string>();
        var searches = 0;
        var watch = Stopwatch.StartNew();
        var cpu = CpuUsage.Start(target.Pid);
        await Task.WhenAll(pages.Select((page, i) => Task.Run(async () =>
        {
            var random = new Random(1000 + i);
            while (watch.Elapsed < options.Duration && !ct.IsCancellationRequested)
            {
                var word = words[random.Next(words.Count)];
                var step = "clearing the field";
                try
                {
                    await page.TestId("product-search").FillAsync("", new LocatorFillOptions { Timeout = 30_000 });
                    await page.TestId("categories").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                    step = "typing";
                    await page.TestId("product-search").PressSequentiallyAsync(word, new LocatorPressSequentiallyOptions { Delay = options.KeyDelayMs, Timeout = 60_000 });
                    step = "waiting for the results";
                    await page.WaitForFunctionAsync("() => window.__lt.pending.length === 0 && window.__lt.current !== null && window.__lt.current.done === true",
                        null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 20 });
                    await page.EvaluateAsync("() => window.__lt.last.push(window.__lt.current.ms)");
                    Interlocked.Increment(ref searches);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    string state;
                    try
                    {
                        state = await page.EvaluateAsync<string>(ProbeState);
                    }
                    catch (PlaywrightException probe)
                    {
                        state = "page state unreadable: " + probe.Message.Split('\n')[0];
                    }
                    lock (failures)
                    {
                        failures.Add($"{step}: {ex.Message.Split('\n')[0]} ({state})");
                    }
                }
                // A clerk reads the results before the next customer's product.
                await Task.Delay(random.Next(300, 900), ct);
            }
        }, ct)));
        var (serverCpu, machineBusy, cores) = cpu.Stop();

        var results = new List<double>();
        var last = new List<double>();
        var keys = 0;
        foreach (var page in pages)
        {
            var probe = await page.EvaluateAsync<JsonElement>("() => ({ samples: window.__lt.samples, last: window.__lt.last, keys: window.__lt.keys })");
            results.AddRange(probe.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()));
            last.AddRange(probe.GetProperty("last").EnumerateArray().Select(e => e.GetDouble()));
            keys += probe.GetProperty("keys").GetInt32();
        }
        return new KeystrokeResult(options.Clerks, options.Idle, idle.Held, options.Duration, options.KeyDelayMs, searches, keys, results, last, failures,
            serverCpu, machineBusy, cores, options.Lean);
    }

    private static async Task<KeystrokeResult> RunProtocolClerksAsync(AppTarget target, KeystrokeOptions options, IReadOnlyList<string> words,
        CircuitPool idle, TextWriter progress, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        progress.WriteLine($"Opening {options.Clerks} protocol clerks...");
        var clerks = new List<ProtocolClerk>();
        try
        {
            foreach (var chunk in Enumerable.Range(0, options.Clerks).Chunk(8))
            {
                clerks.AddRange(await Task.WhenAll(chunk.Select(_ => ProtocolClerk.OpenAsync(target, http, ct))));
            }
            progress.WriteLine($"Typing for {options.Duration.TotalSeconds:0} s...");
            var failures = new List<string>();
            var notes = new List<string>();
            var searches = 0;
            var watch = Stopwatch.StartNew();
            var cpu = CpuUsage.Start(target.Pid);
            await Task.WhenAll(clerks.Select((clerk, i) => Task.Run(async () =>
            {
                var random = new Random(1000 + i);
                // Clerks do not start in step.
                await Task.Delay(random.Next(0, 1000), ct);
                while (watch.Elapsed < options.Duration && !ct.IsCancellationRequested)
                {
                    try
                    {
                        await clerk.TypeWordAsync(words[random.Next(words.Count)], options.KeyDelayMs, TimeSpan.FromSeconds(30), ct);
                        Interlocked.Increment(ref searches);
                    }
                    catch (TimeoutException ex)
                    {
                        lock (failures)
                        {
                            failures.Add(ex.Message);
                        }
                    }
                    await Task.Delay(random.Next(300, 900), ct);
                }
            }, ct)));
            var (serverCpu, machineBusy, cores) = cpu.Stop();
            if (clerks.Sum(c => c.DispatchErrors) is > 0 and var errors)
            {
                notes.Add($"{errors} events answered with an error by the server ({clerks.Sum(c => c.RefusedKeystrokes)} of them input events of keystrokes, "
                    + "which have no sample; typically an event sent to a handler id the server had just replaced).");
            }
            notes.Add($"Busy bar rendered {clerks.Sum(c => c.BusyBarRenders)} times (searches still running after the keystroke's handler: the keys typed meanwhile wait for them).");
            return new KeystrokeResult(options.Clerks, options.Idle, idle.Held, options.Duration, options.KeyDelayMs, searches,
                clerks.Sum(c => c.Keystrokes), clerks.SelectMany(c => c.ResultLatenciesMs).ToList(), clerks.SelectMany(c => c.LastKeyLatenciesMs).ToList(),
                failures, serverCpu, machineBusy, cores, Lean: false, Protocol: true, notes);
        }
        finally
        {
            foreach (var clerk in clerks)
            {
                await clerk.DisposeAsync();
            }
        }
    }
}
