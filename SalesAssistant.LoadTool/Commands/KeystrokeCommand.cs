using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    double DebounceMs,
    int Searches,
    int Keystrokes,
    IReadOnlyList<double> ResultLatenciesMs,
    IReadOnlyList<double> EchoLatenciesMs,
    IReadOnlyList<string> Failures,
    double ServerCpuPercentOfOneCore,
    double MachineBusyPercent,
    int Cores,
    bool Lean,
    bool Protocol = false) : IMarkdownResult
{
    public string ToMarkdown()
    {
        if (Protocol)
        {
            return ProtocolMarkdown();
        }
        var results = new Stats(ResultLatenciesMs);
        var withoutDebounce = new Stats(ResultLatenciesMs.Select(l => l - DebounceMs));
        var echo = new Stats(EchoLatenciesMs);
        var table = new MarkdownTable("Search latency (ms)", "n", "p50", "p95", "max")
            .Row($"Keystroke → results on screen, incl. the {DebounceMs:0} ms debounce", results.Count, results.P50, results.P95, results.Max)
            .Row("Same, minus the debounce (server + network + render)", withoutDebounce.Count, withoutDebounce.P50, withoutDebounce.P95, withoutDebounce.Max)
            .Row("First keystroke of a word → busy bar on screen (round trip, no debounce)", echo.Count, echo.P50, echo.P95, echo.Max);
        return $"{Clerks} clerks typing for {Duration.TotalSeconds:0} s ({KeyDelayMs} ms between keys), {IdleHeld}/{IdleRequested} idle circuits held alongside{(Lean ? ", animations off in the pages" : "")}; "
            + $"{Searches} words, {Keystrokes} keystrokes, {Failures.Count} failed words. "
            + $"While typing: server CPU {ServerCpuPercentOfOneCore:0} % of one core, machine {MachineBusyPercent:0} % busy ({Cores} cores, shared with the browsers).\n\n{table}"
            + (Failures.Count > 0 ? "\nFirst failures: " + string.Join("; ", Failures.Distinct().Take(3)) : "");
    }

    private string ProtocolMarkdown()
    {
        var results = new Stats(ResultLatenciesMs);
        var withoutDebounce = new Stats(ResultLatenciesMs.Select(l => l - DebounceMs));
        var echo = new Stats(EchoLatenciesMs);
        var table = new MarkdownTable("Search latency, protocol clerks (ms)", "n", "p50", "p95", "max")
            .Row($"Keystroke sent → results render batch received, incl. the {DebounceMs:0} ms debounce", results.Count, results.P50, results.P95, results.Max)
            .Row("Same, minus the debounce (server + loopback)", withoutDebounce.Count, withoutDebounce.P50, withoutDebounce.P95, withoutDebounce.Max)
            .Row("First keystroke of a word → first render batch back (round trip, no debounce)", echo.Count, echo.P50, echo.P95, echo.Max);
        return $"{Clerks} protocol clerks (SignalR circuits, no browser: no layout/paint in these figures) typing for {Duration.TotalSeconds:0} s "
            + $"({KeyDelayMs} ms between keys), {IdleHeld}/{IdleRequested} idle circuits held alongside; {Searches} words, {Keystrokes} keystrokes, "
            + $"{Failures.Count} failed words. While typing: server CPU {ServerCpuPercentOfOneCore:0} % of one core, machine {MachineBusyPercent:0} % busy ({Cores} cores).\n\n{table}"
            + (Failures.Count > 0 ? "\nFirst failures: " + string.Join("; ", Failures.Distinct().Take(3)) : "");
    }
}

/// <summary>
/// <c>keystroke --clerks K --duration S [--idle N]</c>: K signed-in Chromium pages type catalog words into the product search.
/// In each page a keydown listener and a MutationObserver time keystroke → results list updated (next animation frame),
/// so the figures are what a clerk sees, not what the driver sees. The search is debounced: during a word only the last
/// keystroke's search completes, so there is one results sample per word (from its last keystroke).
/// </summary>
internal static partial class KeystrokeCommand
{
    private const string InstallProbe = """
        () => {
          const s = window.__lt = { samples: [], echo: [], keys: 0, lastKey: 0, burstStart: 0, waiting: false, waitingEcho: false };
          const field = document.querySelector('[data-testid=product-search]');
          const input = field.matches('input') ? field : field.querySelector('input');
          input.addEventListener('keydown', () => {
            const t = performance.now();
            s.keys++;
            if (!s.waiting) { s.burstStart = t; s.waitingEcho = true; }
            s.lastKey = t;
            s.waiting = true;
          }, true);
          const check = () => {
            const busy = document.querySelector('.mud-progress-linear') !== null;
            if (s.waitingEcho && busy) {
              s.waitingEcho = false;
              const t0 = s.burstStart;
              requestAnimationFrame(() => s.echo.push(performance.now() - t0));
            }
            if (s.waiting && !busy && document.querySelector('[data-testid=search-results] [data-testid=product-result], [data-testid=no-results]')) {
              s.waiting = false;
              s.waitingEcho = false;
              const t0 = s.lastKey;
              requestAnimationFrame(() => s.samples.push(performance.now() - t0));
            }
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          return input !== null;
        }
        """;

    public static async Task<KeystrokeResult> RunAsync(AppTarget target, KeystrokeOptions options, TextWriter progress, CancellationToken ct)
    {
        var words = CatalogWords.SearchWords(CatalogWords.Read(options.SeedFile));
        var debounce = DebounceMs();
        await using var idle = new CircuitPool(target);
        if (options.Idle > 0)
        {
            progress.WriteLine($"Opening {options.Idle} idle circuits...");
            await idle.OpenAsync(options.Idle, options.Concurrency, TimeSpan.FromMinutes(10), progress, ct);
        }

        if (options.Protocol)
        {
            return await RunProtocolClerksAsync(target, options, words, debounce, idle, progress, ct);
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
                try
                {
                    await page.TestId("product-search").FillAsync("", new LocatorFillOptions { Timeout = 30_000 });
                    await page.TestId("categories").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                    await page.TestId("product-search").PressSequentiallyAsync(word, new LocatorPressSequentiallyOptions { Delay = options.KeyDelayMs, Timeout = 60_000 });
                    await page.WaitForFunctionAsync("() => !window.__lt.waiting", null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 50 });
                    Interlocked.Increment(ref searches);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    lock (failures)
                    {
                        failures.Add(ex.Message.Split('\n')[0]);
                    }
                    await page.EvaluateAsync("() => { window.__lt.waiting = false; window.__lt.waitingEcho = false; }");
                }
                // A clerk reads the results before the next customer's product.
                await Task.Delay(random.Next(300, 900), ct);
            }
        }, ct)));
        var (serverCpu, machineBusy, cores) = cpu.Stop();

        var results = new List<double>();
        var echo = new List<double>();
        var keys = 0;
        foreach (var page in pages)
        {
            var probe = await page.EvaluateAsync<JsonElement>("() => ({ samples: window.__lt.samples, echo: window.__lt.echo, keys: window.__lt.keys })");
            results.AddRange(probe.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()));
            echo.AddRange(probe.GetProperty("echo").EnumerateArray().Select(e => e.GetDouble()));
            keys += probe.GetProperty("keys").GetInt32();
        }
        return new KeystrokeResult(options.Clerks, options.Idle, idle.Held, options.Duration, options.KeyDelayMs, debounce, searches, keys, results, echo, failures,
            serverCpu, machineBusy, cores, options.Lean);
    }

    private static async Task<KeystrokeResult> RunProtocolClerksAsync(AppTarget target, KeystrokeOptions options, IReadOnlyList<string> words,
        double debounce, CircuitPool idle, TextWriter progress, CancellationToken ct)
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
                failures.Add($"{errors} events answered with an error by the server");
            }
            return new KeystrokeResult(options.Clerks, options.Idle, idle.Held, options.Duration, options.KeyDelayMs, debounce, searches,
                clerks.Sum(c => c.Keystrokes), clerks.SelectMany(c => c.ResultLatenciesMs).ToList(), clerks.SelectMany(c => c.EchoLatenciesMs).ToList(),
                failures, serverCpu, machineBusy, cores, Lean: false, Protocol: true);
        }
        finally
        {
            foreach (var clerk in clerks)
            {
                await clerk.DisposeAsync();
            }
        }
    }

    /// <summary>The search debounce, read from the app's ChooseProductPage.razor (250 ms if not found).</summary>
    private static double DebounceMs()
    {
        try
        {
            var app = Path.GetFullPath(Path.Combine(AppProcess.FindRepoRoot(), "SalesAssistant", "Features", "Counter", "ChooseProductPage.razor"));
            var match = DebounceDeclaration().Match(File.ReadAllText(app));
            return match.Success ? double.Parse(match.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture) : 250;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            return 250;
        }
    }

    [GeneratedRegex(@"Debounce\s*=\s*TimeSpan\.FromMilliseconds\((?<ms>[0-9.]+)\)")]
    private static partial Regex DebounceDeclaration();
}
