using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SalesAssistant.Health;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// One app server as an operator runs it: the published app (<see cref="PublishedApp"/>) in a process of its own, in
/// Production, on a loopback port, configured through environment variables. Killed, as a crash would end it, on
/// <see cref="KillAsync"/> and on dispose.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private AppInstance(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process.HasExited;

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, e.g. <c>ConnectionStrings:Catalog</c>); it is not up yet.</summary>
    public static async Task<AppInstance> StartAsync(IReadOnlyDictionary<string, string?> settings, int? port = null)
    {
        var dll = await PublishedApp.DllAsync();
        var listenOn = port ?? FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test runner's own configuration reaches the app.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listenOn}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var instance = new AppInstance(new Process { StartInfo = start }, listenOn);
        instance.process.OutputDataReceived += (_, e) => instance.Write(e.Data);
        instance.process.ErrorDataReceived += (_, e) => instance.Write(e.Data);
        instance.process.Start();
        instance.process.BeginOutputReadLine();
        instance.process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>What the app wrote to its console so far.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200: the app has started and its database is up to date.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app on port {Port} exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(HealthSetup.ReadyPath);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"The app on port {Port} was not ready within {limit.TotalSeconds:0} s:\n{Log}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would: nothing is shut down gracefully.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public static int FreeLoopbackPort() => FreeLoopbackPorts(1)[0];

    /// <summary>
    /// Ports free now, all different: each is held until the last is picked (picked one by one, the kernel may hand
    /// out the same port twice; nginx then merged its HTTP and HTTPS servers and refused to start).
    /// </summary>
    public static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
