using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SalesAssistant.LoadTool;

/// <summary>What <see cref="AppProcess.Start"/> needs: the app's build output, a seed catalog or an existing database.</summary>
internal sealed record AppProcessOptions(string RepoRoot, string? SeedFile = null, string? Database = null, bool QuietLogs = false)
{
    /// <summary>
    /// The publish output of the Release build. The plain build output cannot be run in Production: its static web assets
    /// (blazor.web.js, MudBlazor, app.js) are only mapped from the source folders in Development, so they answer 200 with
    /// an empty body and no circuit ever starts. Publishing copies them (with their .br/.gz) under wwwroot.
    /// </summary>
    public string AppFolder => Path.Combine(RepoRoot, "SalesAssistant", "bin", "Release", "net10.0", "publish");

    public string AppDll => Path.Combine(AppFolder, "SalesAssistant.dll");

    public string DefaultSeedFile => Path.Combine(RepoRoot, "SalesAssistant", "Catalog", "Seed", "demo-catalog.csv");
}

/// <summary>
/// The app's Release build (published) as a child process: Production, its own SQLite file in a temp folder, a free loopback port,
/// a manager account the tool signs in with. Killed (with its process tree) on dispose.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string ManagerEmail = "loadtool@store.test";
    public const string ManagerPassword = "LoadTool-2026";

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Stopwatch sinceStart;
    private readonly string folder;

    private AppProcess(Process process, StreamWriter log, Stopwatch sinceStart, string folder, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        this.sinceStart = sinceStart;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's SQLite file (in the temp folder, deleted on dispose).</summary>
    public string DatabasePath => Path.Combine(folder, "sales.db");

    public int Pid => process.Id;

    public string LogPath => Path.Combine(folder, "app.log");

    /// <summary>Time since <see cref="Process.Start()"/> was called.</summary>
    public TimeSpan Elapsed => sinceStart.Elapsed;

    /// <summary>The folder holding SalesAssistant.sln, looked up from the working directory and from the tool's own folder.</summary>
    public static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SalesAssistant.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("SalesAssistant.sln not found above the working directory: run the tool from the repository.");
    }

    /// <summary><c>dotnet publish -c Release SalesAssistant</c> (builds Release, then lays it out as deployed), bounded to ten minutes.</summary>
    public static async Task BuildReleaseAsync(string repoRoot, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", "-c", "Release", "SalesAssistant", "-v", "q", "-nologo" })
        {
            info.ArgumentList.Add(arg);
        }
        using var build = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = build.StandardOutput.ReadToEndAsync(ct);
        var errors = build.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await build.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw;
        }
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish -c Release SalesAssistant failed:\n{await output}\n{await errors}");
        }
    }

    public static AppProcess Start(AppProcessOptions options)
    {
        if (!File.Exists(options.AppDll))
        {
            throw new InvalidOperationException($"{options.AppDll} is missing: publish it with dotnet publish -c Release SalesAssistant.");
        }
        var folder = Directory.CreateTempSubdirectory("sales-loadtool-").FullName;
        var database = Path.Combine(folder, "sales.db");
        if (options.Database is not null)
        {
            CopyDatabase(options.Database, database);
        }
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(options.AppDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        info.Environment["ConnectionStrings__Catalog"] = $"Data Source={database}";
        info.Environment["Catalog__SeedFile"] = Path.GetFullPath(options.SeedFile ?? options.DefaultSeedFile);
        info.Environment["Manager__Email"] = ManagerEmail;
        info.Environment["Manager__Password"] = ManagerPassword;
        if (options.QuietLogs)
        {
            info.Environment["Logging__LogLevel__Default"] = "Warning";
        }

        var log = new StreamWriter(Path.Combine(folder, "app.log"), append: false, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        var sinceStart = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, log, sinceStart, folder, baseAddress);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers as <paramref name="accept"/> wants; returns the time since start.</summary>
    public async Task<TimeSpan> WaitUntilAsync(string path, Func<HttpStatusCode, bool> accept, TimeSpan timeout, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{LogTail()}");
            }
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
                if (accept(response.StatusCode))
                {
                    return Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but slow to answer: try again.
            }
            await Task.Delay(20, ct);
        }
        throw new TimeoutException($"{BaseAddress}{path.TrimStart('/')} did not answer within {timeout.TotalSeconds:0} s:\n{LogTail()}");
    }

    /// <summary>Waits until the app answers at all, then until the sign-in page is served (seeding and accounts done).</summary>
    public async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        await WaitUntilAsync("/", _ => true, TimeSpan.FromMinutes(2), ct);
        await WaitUntilAsync("/account/login", s => s == HttpStatusCode.OK, TimeSpan.FromMinutes(2), ct);
    }

    public string LogTail(int lines = 30)
    {
        lock (log)
        {
            log.Flush();
        }
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Lines of the app's log at level fail/crit (the console logger's prefixes).</summary>
    public IReadOnlyList<string> ErrorLines()
    {
        lock (log)
        {
            log.Flush();
        }
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return lines.Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => x.i + 1 < lines.Length ? x.line + " " + lines[x.i + 1].Trim() : x.line)
            .ToList();
    }

    /// <summary>Copies a SQLite file with its write-ahead log, if any (a killed app leaves its last writes there).</summary>
    public static void CopyDatabase(string from, string to)
    {
        File.Copy(from, to, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(from + suffix))
            {
                File.Copy(from + suffix, to + suffix, overwrite: true);
            }
        }
    }

    /// <summary>Kills the app (and its process tree) and waits for it to exit; the temp folder stays until dispose.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Left to the OS.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
