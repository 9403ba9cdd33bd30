using System.Net;

namespace SalesAssistant.LoadTool.Commands;

internal sealed record ColdstartRun(TimeSpan FirstAnswer, TimeSpan LoginOk);

internal sealed record ColdstartResult(string Database, bool DatabaseCreated, IReadOnlyList<ColdstartRun> Runs) : IMarkdownResult
{
    public string ToMarkdown()
    {
        var table = new MarkdownTable("Run", "Process start → first answer on / (ms)", "Process start → /account/login 200 (ms)");
        for (var i = 0; i < Runs.Count; i++)
        {
            table.Row(i + 1, Runs[i].FirstAnswer.TotalMilliseconds, Runs[i].LoginOk.TotalMilliseconds);
        }
        table.Row("median", Stats.Median(Runs.Select(r => r.FirstAnswer.TotalMilliseconds)), Stats.Median(Runs.Select(r => r.LoginOk.TotalMilliseconds)));
        var wal = Database + "-wal";
        var size = (new FileInfo(Database).Length + (File.Exists(wal) ? new FileInfo(wal).Length : 0)) / 1024.0;
        return $"Cold start against a copy of {Database} ({size:0} KB with its write-ahead log{(DatabaseCreated ? ", created by a first start with the seed catalog" : "")}):\n\n{table}";
    }
}

/// <summary>
/// <c>coldstart --db PATH</c>: starts the app against a fresh copy of an existing database and times process start →
/// first HTTP answer on / (any status), and → /account/login 200. If PATH does not exist, one start with the seed catalog creates it first.
/// </summary>
internal static class ColdstartCommand
{
    public static async Task<ColdstartResult> RunAsync(AppProcessOptions options, int runs, TextWriter progress, CancellationToken ct)
    {
        var database = Path.GetFullPath(options.Database!);
        var created = false;
        if (!File.Exists(database))
        {
            progress.WriteLine($"Creating {database} with one start on the seed catalog...");
            await using var seeding = AppProcess.Start(options with { Database = null });
            await seeding.WaitUntilReadyAsync(ct);
            await seeding.StopAsync();
            AppProcess.CopyDatabase(seeding.DatabasePath, database);
            created = true;
        }

        var results = new List<ColdstartRun>();
        for (var i = 0; i < runs; i++)
        {
            await using var app = AppProcess.Start(options with { Database = database });
            var first = await app.WaitUntilAsync("/", _ => true, TimeSpan.FromMinutes(2), ct);
            var login = await app.WaitUntilAsync("/account/login", s => s == HttpStatusCode.OK, TimeSpan.FromMinutes(2), ct);
            progress.WriteLine($"  run {i + 1}: first answer {first.TotalMilliseconds:0} ms, sign-in page {login.TotalMilliseconds:0} ms");
            results.Add(new ColdstartRun(first, login));
        }
        return new ColdstartResult(database, created, results);
    }
}
