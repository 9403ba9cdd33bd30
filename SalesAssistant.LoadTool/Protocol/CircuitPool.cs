using System.Diagnostics;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>Idle protocol circuits on one page, opened a few at a time; stops opening at a deadline or after repeated failures.</summary>
internal sealed class CircuitPool(AppTarget target, string path = "/") : IAsyncDisposable
{
    private readonly List<ProtocolCircuit> circuits = [];
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public List<string> Failures { get; } = [];

    public int Opened
    {
        get
        {
            lock (circuits)
            {
                return circuits.Count;
            }
        }
    }

    public int Held
    {
        get
        {
            lock (circuits)
            {
                return circuits.Count(c => c.IsHeld);
            }
        }
    }

    public int RenderBatches
    {
        get
        {
            lock (circuits)
            {
                return circuits.Sum(c => c.RenderBatches);
            }
        }
    }

    /// <summary>Opens <paramref name="count"/> more circuits, <paramref name="concurrency"/> at a time, within <paramref name="deadline"/>.</summary>
    public async Task OpenAsync(int count, int concurrency, TimeSpan deadline, TextWriter progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var next = 0;
        var consecutiveFailures = 0;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) <= count && watch.Elapsed < deadline && Volatile.Read(ref consecutiveFailures) < 20)
            {
                try
                {
                    var circuit = await ProtocolCircuit.OpenAsync(target, http, path, TimeSpan.FromSeconds(60), ct);
                    int opened;
                    lock (circuits)
                    {
                        circuits.Add(circuit);
                        opened = circuits.Count;
                    }
                    Interlocked.Exchange(ref consecutiveFailures, 0);
                    if (opened % 100 == 0)
                    {
                        progress.WriteLine($"  {opened} circuits open ({watch.Elapsed.TotalSeconds:0} s)");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref consecutiveFailures);
                    lock (Failures)
                    {
                        Failures.Add(ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(Worker, ct)));
    }

    public async ValueTask DisposeAsync()
    {
        List<ProtocolCircuit> all;
        lock (circuits)
        {
            all = [.. circuits];
            circuits.Clear();
        }
        foreach (var chunk in all.Chunk(32))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
        http.Dispose();
    }
}
