using System.Diagnostics;
using Microsoft.Playwright;
using SalesAssistant.LoadTool.Protocol;

namespace SalesAssistant.LoadTool.Commands;

internal sealed record CircuitsOptions(int Idle, int Full, int Concurrency, string SeedFile, bool MeasureMemory = true)
{
    public TimeSpan OpenDeadline { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan SettleInterval { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan SettleMax { get; init; } = TimeSpan.FromSeconds(30);
}

internal sealed record CircuitsResult(
    IReadOnlyList<(int Circuits, long RssKb)> IdleLevels,
    int IdleRequested,
    int IdleHeld,
    int IdleHeldAtEnd,
    int RenderBatches,
    IReadOnlyList<string> Failures,
    int FullRequested,
    int FullCompleted,
    long? RssBeforeFullKb,
    long? RssFullIdleKb,
    long? RssAfterFullKb,
    IReadOnlyList<string> FullFailures,
    IReadOnlyDictionary<string, int> JsCalls) : IMarkdownResult
{
    /// <summary>Least-squares slope of RSS over circuits held, over all levels.</summary>
    public double KbPerIdleCircuit => IdleLevels.Count >= 2 ? Stats.Slope(IdleLevels.Select(l => ((double)l.Circuits, (double)l.RssKb)).ToList()) : double.NaN;

    public double KbPerChromiumIdleCircuit => RssFullIdleKb is { } idle && RssBeforeFullKb is { } before && FullCompleted > 0
        ? (idle - before) / (double)FullRequested : double.NaN;

    public double ExtraKbPerFullConsultation => RssAfterFullKb is { } after && RssFullIdleKb is { } idle && FullCompleted > 0
        ? (after - idle) / (double)FullCompleted : double.NaN;

    public string ToMarkdown()
    {
        var levels = new MarkdownTable("Idle protocol circuits held", "Server RSS (MB)", "KB per circuit vs previous level");
        for (var i = 0; i < IdleLevels.Count; i++)
        {
            var step = i == 0 ? double.NaN : (IdleLevels[i].RssKb - IdleLevels[i - 1].RssKb) / (double)Math.Max(1, IdleLevels[i].Circuits - IdleLevels[i - 1].Circuits);
            levels.Row(IdleLevels[i].Circuits, IdleLevels[i].RssKb / 1024.0, step);
        }
        var summary = new MarkdownTable("Figure", "Value")
            .Row("Idle circuits requested / held (connected, rendered, no error)", $"{IdleRequested} / {IdleHeld}")
            .Row("Idle circuits still held at the end", IdleHeldAtEnd)
            .Row("KB per idle circuit (slope of RSS over circuits)", KbPerIdleCircuit)
            .Row("Render batches received by the idle circuits", RenderBatches)
            .Row("Failed circuit opens", Failures.Count)
            .Row("Full consultations (Chromium) requested / completed", $"{FullRequested} / {FullCompleted}")
            .Row("KB per Chromium circuit idle on / (cross-check)", KbPerChromiumIdleCircuit)
            .Row("Extra KB per circuit after a full consultation", ExtraKbPerFullConsultation)
            .Row("Max concurrent circuits held", IdleHeld + FullCompleted);
        var text = levels + "\n" + summary;
        if (Failures.Count > 0)
        {
            text += "\nFirst failures: " + string.Join("; ", Failures.Distinct().Take(3));
        }
        if (FullFailures.Count > 0)
        {
            text += "\nConsultation failures: " + string.Join("; ", FullFailures.Distinct().Take(3));
        }
        text += "\nJS interop calls answered for the protocol circuits: " + string.Join(", ", JsCalls.Select(kv => $"{kv.Key} ×{kv.Value}"));
        return text;
    }
}

/// <summary>
/// <c>circuits --idle N --full M</c>: server memory per idle circuit (RSS at 0, N/2 and N protocol circuits on /),
/// then M Chromium pages that each run a whole consultation (extra memory per circuit), and how many circuits were held at once.
/// </summary>
internal static class CircuitsCommand
{
    public static async Task<CircuitsResult> RunAsync(AppTarget target, CircuitsOptions options, TextWriter progress, CancellationToken ct)
    {
        await using var pool = new CircuitPool(target);
        var levels = new List<(int, long)>();
        async Task Level()
        {
            if (options.MeasureMemory)
            {
                var rss = await ServerMemory.SettledRssKbAsync(target.Pid, options.SettleInterval, options.SettleMax, ct);
                levels.Add((pool.Held, rss));
                progress.WriteLine($"  {pool.Held} circuits held: RSS {rss / 1024.0:0.0} MB");
            }
        }

        // Warm-up: the first circuits pay for JIT and first-use caches; they are opened and dropped before measuring.
        await using (var warmUp = new CircuitPool(target))
        {
            await warmUp.OpenAsync(Math.Min(4, options.Idle), 2, TimeSpan.FromMinutes(2), progress, ct);
        }
        await Level();
        var half = options.Idle / 2;
        if (half > 0)
        {
            progress.WriteLine($"Opening {half} idle circuits...");
            await pool.OpenAsync(half, options.Concurrency, options.OpenDeadline, progress, ct);
            await Level();
        }
        progress.WriteLine($"Opening {options.Idle - half} more idle circuits...");
        await pool.OpenAsync(options.Idle - half, options.Concurrency, options.OpenDeadline, progress, ct);
        await Level();
        var held = pool.Held;

        var full = options.Full > 0 && options.MeasureMemory ? await FullConsultationsAsync(target, options, progress, ct) : null;

        return new CircuitsResult(levels, options.Idle, held, pool.Held, pool.RenderBatches, pool.Failures,
            options.Full, full?.Completed ?? 0, full?.Before, full?.Idle, full?.After, full?.Failures ?? [],
            new Dictionary<string, int>(ProtocolCircuit.JsCallsByIdentifier));
    }

    private sealed record FullRun(int Completed, long Before, long Idle, long After, IReadOnlyList<string> Failures);

    private static async Task<FullRun> FullConsultationsAsync(AppTarget target, CircuitsOptions options, TextWriter progress, CancellationToken ct)
    {
        var products = CatalogWords.UpsellStarts(CatalogWords.Read(options.SeedFile));
        await using var chromium = await Chromium.LaunchAsync();
        // Warm-up: one consultation first, so one-time costs (query compilation, first-use caches) are not counted per circuit.
        var warmUp = await chromium.NewSignedInPageAsync(target);
        await warmUp.GoToInteractiveAsync("/");
        await FullConsultation.RunAsync(warmUp, products[^1]);
        await warmUp.Context.CloseAsync();
        var before = await ServerMemory.SettledRssKbAsync(target.Pid, options.SettleInterval, options.SettleMax, ct);

        progress.WriteLine($"Opening {options.Full} Chromium pages on / ...");
        var pages = new List<IPage>();
        foreach (var chunk in Enumerable.Range(0, options.Full).Chunk(4))
        {
            pages.AddRange(await Task.WhenAll(chunk.Select(async _ =>
            {
                var page = await chromium.NewSignedInPageAsync(target);
                await page.GoToInteractiveAsync("/");
                return page;
            })));
        }
        var idle = await ServerMemory.SettledRssKbAsync(target.Pid, options.SettleInterval, options.SettleMax, ct);

        progress.WriteLine($"Running {options.Full} consultations...");
        var failures = new List<string>();
        var completed = 0;
        var watch = Stopwatch.StartNew();
        foreach (var chunk in pages.Select((page, i) => (page, i)).Chunk(4))
        {
            await Task.WhenAll(chunk.Select(async x =>
            {
                try
                {
                    await FullConsultation.RunAsync(x.page, products[x.i % products.Count]);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    lock (failures)
                    {
                        failures.Add(ex.Message.Split('\n')[0]);
                    }
                }
            }));
        }
        progress.WriteLine($"  {completed} consultations in {watch.Elapsed.TotalSeconds:0} s");
        var after = await ServerMemory.SettledRssKbAsync(target.Pid, options.SettleInterval, options.SettleMax, ct);
        return new FullRun(completed, before, idle, after, failures);
    }
}
