using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Benchmarks.Catalog;

/// <summary>
/// <c>load --file catalog.csv [--db file.db]</c>: migrates a new SQLite database (a temporary one unless --db is
/// given), loads the file through the app's streaming loader and prints the time, memory and row counts.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var file = Path.GetFullPath(options.Required("file"));
        var folder = options.Get("db") is null ? Directory.CreateTempSubdirectory("sales-assistant-load-").FullName : null;
        var database = options.Get("db") is { } db ? Path.GetFullPath(db) : Path.Combine(folder!, "catalog.db");
        if (System.IO.File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"{database} exists; the load needs a new database.");
            return 2;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();
        var factory = new DatabaseSettings(DatabaseProvider.Sqlite, connectionString).CreateFactory();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var loader = new CatalogLoader(factory, logging.CreateLogger<CatalogLoader>());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await loader.LoadFileIntoEmptyCatalogAsync(file);
        var elapsed = stopwatch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (!result.IsValid)
        {
            await Console.Error.WriteLineAsync(result.DescribeErrors());
            return 1;
        }

        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        await using var counts = await factory.CreateDbContextAsync();
        var products = await counts.Products.CountAsync();
        Console.WriteLine($"file:            {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB)");
        Console.WriteLine($"database:        {database} ({new FileInfo(database).Length / 1024.0 / 1024.0:0.0} MiB)");
        Console.WriteLine($"elapsed:         {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"CPU time:        {cpu.TotalSeconds:0.00} s (the machine is shared: elapsed time varies with the load of others)");
        Console.WriteLine($"products/s:      {products / elapsed.TotalSeconds:0}");
        Console.WriteLine($"peak working set: {peakWorkingSet / 1024.0 / 1024.0:0} MiB");
        Console.WriteLine($"GC heap after:   {heapAfter / 1024.0 / 1024.0:0.0} MiB");
        Console.WriteLine($"rows:            {products} products, {await counts.Categories.CountAsync()} categories, {await counts.Families.CountAsync()} families, " +
            $"{await counts.ProductSpecs.CountAsync()} specs, {await counts.TalkingPoints.CountAsync()} talking points, {await counts.AccessoryLinks.CountAsync()} accessory links");

        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }
}
