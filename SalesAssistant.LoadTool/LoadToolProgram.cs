using SalesAssistant.LoadTool.Commands;

namespace SalesAssistant.LoadTool;

internal static class LoadToolProgram
{
    private const string Usage = """
        SalesAssistant load tool: starts the app's published Release build on a free loopback port, drives it, prints Markdown tables.
        Run from the repository (it finds SalesAssistant.sln above the working directory).

          circuits  --idle N --full M [--concurrency C]   memory per idle circuit (protocol clients), per full consultation (Chromium), circuits held
          keystroke --clerks K --duration S [--idle N] [--lean] [--key-delay MS]
                                                          search latency in K Chromium pages, optionally with N idle circuits held:
                                                          per keystroke, key → results for the text typed so far (or later) on screen;
                                                          --lean: animations off, renderer processes shared (cheaper clients)
                                                          --client protocol: clerks over the circuit protocol, no browser
          (LOADTOOL_DEBUG=1 traces the protocol clerks' events and render batches to stderr)
          pageweight                                      first load of / in a fresh signed-in Chromium context
          coldstart --db PATH [--runs 3]                  time from process start to the first answer, against a copy of PATH

        Common: --seed-file PATH (default the demo catalog), --db PATH (start from a copy of this database), --no-build
        """;

    private static async Task<int> Main(string[] args)
    {
        CommandLine line;
        try
        {
            line = new CommandLine(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + "\n" + Usage);
            return 2;
        }
        // Every command is bounded; this is the backstop.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(line.Int("max-minutes", 30)));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        var repoRoot = AppProcess.FindRepoRoot();
        var appOptions = new AppProcessOptions(repoRoot, line.String("seed-file"), line.String("db"), QuietLogs: line.Flag("quiet-app"));
        if (line.Command is "circuits" or "keystroke" or "pageweight" or "coldstart" && !line.Flag("no-build"))
        {
            Console.Error.WriteLine("Building the app: dotnet publish -c Release SalesAssistant (Release build + its static assets)");
            await AppProcess.BuildReleaseAsync(repoRoot, cts.Token);
        }

        switch (line.Command)
        {
            case "circuits":
                await RunWithAppAsync(appOptions, target => CircuitsCommand.RunAsync(target, new CircuitsOptions(
                    Idle: line.Int("idle", 1000), Full: line.Int("full", 20), Concurrency: line.Int("concurrency", 16),
                    SeedFile: appOptions.SeedFile ?? appOptions.DefaultSeedFile), Console.Error, cts.Token), cts.Token);
                return 0;
            case "keystroke":
                await RunWithAppAsync(appOptions, target => KeystrokeCommand.RunAsync(target, new KeystrokeOptions(
                    Clerks: line.Int("clerks", 50), Duration: TimeSpan.FromSeconds(line.Int("duration", 60)), Idle: line.Int("idle", 0),
                    KeyDelayMs: line.Int("key-delay", 120), SeedFile: appOptions.SeedFile ?? appOptions.DefaultSeedFile, Lean: line.Flag("lean"), Protocol: line.String("client") == "protocol"), Console.Error, cts.Token), cts.Token);
                return 0;
            case "pageweight":
                await RunWithAppAsync(appOptions, target => PageweightCommand.RunAsync(target, Console.Error, cts.Token), cts.Token);
                return 0;
            case "coldstart":
                if (line.String("db") is null)
                {
                    await Console.Error.WriteLineAsync("coldstart needs --db PATH (created by a first start with the seed catalog if it does not exist).");
                    return 2;
                }
                var cold = await ColdstartCommand.RunAsync(appOptions, line.Int("runs", 3), Console.Error, cts.Token);
                Console.WriteLine(cold.ToMarkdown());
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Starts the app, signs in once, runs the command, prints its table, reports the app's logged errors, stops the app.</summary>
    private static async Task RunWithAppAsync<TResult>(AppProcessOptions options, Func<AppTarget, Task<TResult>> command, CancellationToken ct)
        where TResult : IMarkdownResult
    {
        await using var app = AppProcess.Start(options);
        await app.WaitUntilReadyAsync(ct);
        var target = await AppTarget.SignInAsync(app.BaseAddress, app.Pid, AppProcess.ManagerEmail, AppProcess.ManagerPassword, ct);
        Console.Error.WriteLine($"App pid {app.Pid} at {app.BaseAddress}, signed in as {AppProcess.ManagerEmail}.");
        var result = await command(target);
        Console.WriteLine(result.ToMarkdown());
        var errors = app.ErrorLines();
        Console.WriteLine($"App log: {errors.Count} fail/crit entries.");
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine("  " + error);
        }
    }
}

/// <summary>A command's result, printed as a Markdown table.</summary>
internal interface IMarkdownResult
{
    string ToMarkdown();
}
