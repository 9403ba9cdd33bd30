using System.Diagnostics;

namespace SalesAssistant.LoadTool;

/// <summary>The server process's resident memory, from /proc/&lt;pid&gt;/status (VmRSS).</summary>
internal static class ServerMemory
{
    public static long RssKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"No VmRSS in /proc/{pid}/status");
    }

    /// <summary>
    /// Waits until RSS stops moving (two readings <paramref name="interval"/> apart within 0.5 %), at most <paramref name="max"/>;
    /// returns the last reading.
    /// </summary>
    public static async Task<long> SettledRssKbAsync(int pid, TimeSpan interval, TimeSpan max, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var last = RssKb(pid);
        while (watch.Elapsed < max)
        {
            await Task.Delay(interval, ct);
            var now = RssKb(pid);
            if (Math.Abs(now - last) <= last * 0.005)
            {
                return now;
            }
            last = now;
        }
        return last;
    }
}
