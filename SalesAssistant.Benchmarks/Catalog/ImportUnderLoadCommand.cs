using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesAssistant.Accounts;
using SalesAssistant.Benchmarks.Support;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage.Import;

namespace SalesAssistant.Benchmarks.Catalog;

/// <summary>What one run of <see cref="ImportUnderLoadCommand"/> measured.</summary>
public sealed record ImportUnderLoadResult(
    int Products, int Clerks, TimeSpan Think, TimeSpan Import, bool ImportApplied, int ImportChanged, int Actions, TimeSpan LongestAction, TimeSpan P99Action,
    string LongestActionName, IReadOnlyList<string> Failures);

/// <summary>
/// <c>import-under-load --products N [--clerks C] [--think-ms T]</c>: a catalog of N generated products, then a
/// manager's import of the same catalog with every price changed (N updates) while C clerks run consultations
/// through the app's CounterService, one action every T ms at most (a clerk taps at human pace; 0: no pause). Prints how long the import took and the longest clerk action
/// meanwhile: what a tablet waits when a manager imports at opening time.
/// </summary>
public static class ImportUnderLoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var result = await MeasureAsync(options.Int("products", 40_000), options.Int("clerks", 4), TimeSpan.FromMilliseconds(options.Int("think-ms", 250)), CancellationToken.None);
        Console.WriteLine($"products:             {result.Products} (import: every price changed)");
        Console.WriteLine($"import applied:       {result.ImportApplied} in {result.Import.TotalSeconds:0.00} s ({result.ImportChanged} products changed)");
        Console.WriteLine($"clerks:               {result.Clerks}, {result.Actions} actions during the import (at most one every {result.Think.TotalMilliseconds:0} ms each)");
        Console.WriteLine($"longest clerk action: {result.LongestAction.TotalMilliseconds:0} ms ({result.LongestActionName}); p99 {result.P99Action.TotalMilliseconds:0} ms");
        Console.WriteLine($"failed actions:       {result.Failures.Count}{(result.Failures.Count > 0 ? ": " + string.Join("; ", result.Failures.Distinct().Take(3)) : "")}");
        return result.Failures.Count == 0 && result.ImportApplied ? 0 : 1;
    }

    public static async Task<ImportUnderLoadResult> MeasureAsync(int products, int clerks, TimeSpan think, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-import-load-").FullName;
        try
        {
            var database = new BenchmarkDatabase(Path.Combine(folder, "catalog.db"));
            var csv = Path.Combine(folder, "catalog.csv");
            await using (var file = System.IO.File.Create(csv))
            {
                new CatalogGenerator(products, BenchmarkCatalog.Seed).Write(file);
            }
            await using (var db = await database.CreateDbContextAsync(ct))
            {
                await SqliteSetup.UseWriteAheadLogAsync(db, ct);
                await db.Database.MigrateAsync(ct);
                db.Users.AddRange(Clerk.User, Manager.User);
                await db.SaveChangesAsync(ct);
            }
            var load = await new CatalogLoader(database, NullLogger<CatalogLoader>.Instance).LoadFileIntoEmptyCatalogAsync(csv, ct);
            if (!load.IsValid)
            {
                throw new InvalidOperationException(load.DescribeErrors());
            }
            var changedFile = await WithEveryPriceChangedAsync(database, ct);
            var starts = await UpsellStartsAsync(database, ct);

            var import = new CatalogImportService(database, new CatalogFileReader(), Manager.Current, TimeProvider.System);
            using var stop = new CancellationTokenSource();
            var timings = new List<(string Action, TimeSpan Took)>();
            var failures = new List<string>();
            var importRunning = false;
            var clerkTasks = Enumerable.Range(0, clerks)
                .Select(i => Task.Run(() => ClerkAsync(database, starts, i, think, () => Volatile.Read(ref importRunning), timings, failures, stop.Token), CancellationToken.None))
                .ToList();

            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            Volatile.Write(ref importRunning, true);
            var stopwatch = Stopwatch.StartNew();
            var plan = await import.ApplyAsync(changedFile, "changed.csv", ImportMode.AddAndUpdate, ct: ct);
            var importTook = stopwatch.Elapsed;
            Volatile.Write(ref importRunning, false);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            await stop.CancelAsync();
            await Task.WhenAll(clerkTasks);

            var during = timings.Select(t => t.Took).Order().ToList();
            var longest = timings.Count == 0 ? ("", TimeSpan.Zero) : timings.MaxBy(t => t.Took);
            return new ImportUnderLoadResult(products, clerks, think, importTook, plan.IsValid && plan.Applied, plan.Count(ImportAction.Update), timings.Count,
                longest.Item2, during.Count == 0 ? TimeSpan.Zero : during[(int)Math.Min(during.Count - 1, Math.Ceiling(during.Count * 0.99) - 1)],
                longest.Item1, failures);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One clerk: consultations back to back, each action timed while the import runs.</summary>
    private static async Task ClerkAsync(BenchmarkDatabase database, IReadOnlyList<string> starts, int clerk, TimeSpan think, Func<bool> measuring,
        List<(string, TimeSpan)> timings, List<string> failures, CancellationToken stop)
    {
        var counter = new CounterService(database, TimeProvider.System, Clerk.Current);
        var n = clerk;
        while (!stop.IsCancellationRequested)
        {
            var sku = starts[n++ % starts.Count];
            try
            {
                var id = await TimedAsync("start", () => counter.StartAsync(sku));
                var view = await TimedAsync("show up-sell", () => counter.GetAsync(id!.Value));
                if (view!.UpsellOptions.Count > 0)
                {
                    await TimedAsync("choose up-sell", () => counter.ChooseUpsellAsync(id!.Value, view.UpsellOptions[0].Product.Sku));
                }
                view = await TimedAsync("show accessories", () => counter.GetAsync(id!.Value));
                if (view!.Accessories.Count > 0)
                {
                    await TimedAsync("add accessory", () => counter.ToggleAccessoryAsync(id!.Value, view.Accessories[0].Sku));
                }
                await TimedAsync("to the basket", () => counter.ContinueToSummaryAsync(id!.Value));
                await TimedAsync("finish", () => counter.FinishAsync(id!.Value));
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex.GetType().Name + ": " + ex.Message);
                }
            }
        }

        async Task<T> TimedAsync<T>(string action, Func<Task<T>> run)
        {
            var started = Stopwatch.GetTimestamp();
            var during = measuring();
            var result = await run();
            var took = Stopwatch.GetElapsedTime(started);
            if (during || measuring())
            {
                lock (timings)
                {
                    timings.Add((action, took));
                }
            }
            if (think > took)
            {
                await Task.Delay(think - took, CancellationToken.None);
            }
            return result;
        }
    }

    private static async Task<IReadOnlyList<string>> UpsellStartsAsync(BenchmarkDatabase database, CancellationToken ct)
    {
        await using var db = await database.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().Where(p => p.Tier == 1 && p.Stock > 0).OrderBy(p => p.Id).Select(p => p.Sku).Take(200).ToListAsync(ct);
    }

    /// <summary>The catalog as the app exports it, with every price one unit higher.</summary>
    private static async Task<byte[]> WithEveryPriceChangedAsync(BenchmarkDatabase database, CancellationToken ct)
    {
        using var exported = new MemoryStream();
        await new CatalogFileWriter(database).WriteAsync(exported, ct);
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(exported.ToArray()));
        var price = csv.Headers.ToList().IndexOf(CatalogColumns.Price);
        using var changed = new MemoryStream();
        using (var writer = CsvWriter.Create(changed, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            writer.WriteHeader(csv.Headers.ToArray());
            while (csv.Read())
            {
                var fields = Enumerable.Range(0, csv.Headers.Count).Select(i => csv.GetString(i)).ToArray();
                fields[price] = (decimal.Parse(fields[price], CultureInfo.InvariantCulture) + 1).ToString("0.00", CultureInfo.InvariantCulture);
                writer.WriteRecord(fields);
            }
        }
        return changed.ToArray();
    }

    private sealed record SignedIn(AppUser User, CurrentUser Current);

    private static readonly SignedIn Clerk = As("bench-clerk", AppRoles.Clerk);
    private static readonly SignedIn Manager = As("bench-manager", AppRoles.Manager);

    private static SignedIn As(string id, string role)
    {
        var email = id + "@bench.invalid";
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "Benchmark"));
        return new SignedIn(new AppUser { Id = id, UserName = email, Email = email, DisplayName = id }, new CurrentUser(new FixedState(principal)));
    }

    private sealed class FixedState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
