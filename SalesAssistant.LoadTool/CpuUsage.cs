using System.Diagnostics;
using System.Globalization;

namespace SalesAssistant.LoadTool;

/// <summary>
/// CPU used over an interval by the server process (/proc/&lt;pid&gt;/stat) and by the whole machine (/proc/stat),
/// to tell a slow server from a saturated client: the tool's browsers share the machine with the app.
/// </summary>
internal sealed class CpuUsage
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int pid;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly double processTicks;
    private readonly (double Busy, double Total) machine;

    private CpuUsage(int pid)
    {
        this.pid = pid;
        processTicks = ProcessTicks(pid);
        machine = MachineTicks();
    }

    public static CpuUsage Start(int pid) => new(pid);

    /// <summary>Server CPU as % of one core, machine busy as % of all cores, since <see cref="Start"/>.</summary>
    public (double ServerPercentOfOneCore, double MachineBusyPercent, int Cores) Stop()
    {
        var seconds = wall.Elapsed.TotalSeconds;
        var server = (ProcessTicks(pid) - processTicks) / TicksPerSecond / seconds * 100;
        var (busy, total) = MachineTicks();
        var machineBusy = total > machine.Total ? (busy - machine.Busy) / (total - machine.Total) * 100 : double.NaN;
        return (server, machineBusy, Environment.ProcessorCount);
    }

    private static double ProcessTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static (double Busy, double Total) MachineTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4]; // idle + iowait
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }
}
