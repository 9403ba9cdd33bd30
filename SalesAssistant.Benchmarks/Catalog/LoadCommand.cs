using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Benchmarks.Catalog;

/// <summary>
/// <c>load --file catalog.csv [--db file.db | --postgres CONNECTION]</c>: migrates a new database, loads the file
/// through the app's streaming loader and prints the time, memory and row counts. SQLite: a temporary file unless --db
/// is given. PostgreSQL: a new database on the server of CONNECTION (e.g. what <c>scripts/postgres-cluster.sh start</c>
/// prints), dropped afterwards; the server process that loads is watched for its memory too.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var file = Path.GetFullPath(options.Required("file"));
        return options.Get("postgres") is { } server
            ? await LoadIntoPostgresAsync(file, server)
            : await LoadIntoSqliteAsync(file, options.Get("db"));
    }

    private static async Task<int> LoadIntoSqliteAsync(string file, string? db)
    {
        var folder = db is null ? Directory.CreateTempSubdirectory("sales-assistant-load-").FullName : null;
        var database = db is not null ? Path.GetFullPath(db) : Path.Combine(folder!, "catalog.db");
        if (System.IO.File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"{database} exists; the load needs a new database.");
            return 2;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();
        var factory = new DatabaseSettings(DatabaseProvider.Sqlite, connectionString).CreateFactory();
        var exit = await LoadAsync(file, factory, database,
            () => Task.FromResult($"{new FileInfo(database).Length / 1024.0 / 1024.0:0.0} MiB"), serverMemory: null);

        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return exit;
    }

    private static async Task<int> LoadIntoPostgresAsync(string file, string server)
    {
        var name = "sales_load_" + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        await ExecuteAsync(admin, $"""CREATE DATABASE "{name}" """);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            var factory = new DatabaseSettings(DatabaseProvider.Postgres, connectionString).CreateFactory();
            await using var memory = new PostgresBackendMemory(admin, name);
            return await LoadAsync(file, factory, $"PostgreSQL database {name} (dropped afterwards)",
                async () => $"{Convert.ToInt64(await ScalarAsync(connectionString, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} MiB",
                memory);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
        }
    }

    private static async Task<int> LoadAsync(string file, IDbContextFactory<SalesDb> factory, string database, Func<Task<string>> databaseSize, PostgresBackendMemory? serverMemory)
    {
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var loader = new CatalogLoader(factory, logging.CreateLogger<CatalogLoader>());
        serverMemory?.Start();
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
        Console.WriteLine($"database:        {database}, {await databaseSize()} after");
        Console.WriteLine($"elapsed:         {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"CPU time:        {cpu.TotalSeconds:0.00} s in this process (the machine is shared: elapsed time varies with the load of others)");
        Console.WriteLine($"products/s:      {products / elapsed.TotalSeconds:0}");
        Console.WriteLine($"peak working set: {peakWorkingSet / 1024.0 / 1024.0:0} MiB");
        Console.WriteLine($"GC heap after:   {heapAfter / 1024.0 / 1024.0:0.0} MiB");
        if (serverMemory is not null)
        {
            Console.WriteLine($"server process:  {serverMemory.Describe()}");
        }
        Console.WriteLine($"rows:            {products} products, {await counts.Categories.CountAsync()} categories, {await counts.Families.CountAsync()} families, " +
            $"{await counts.ProductSpecs.CountAsync()} specs, {await counts.TalkingPoints.CountAsync()} talking points, {await counts.AccessoryLinks.CountAsync()} accessory links");
        return 0;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// The memory and CPU of the PostgreSQL server processes working for the load's database, sampled from /proc (the
    /// server must run on this machine): their private memory (RssAnon: sorts, the GIN index build) at its highest, their
    /// peak resident set (VmHWM, which also counts the shared buffers they touched) and the CPU time of the busiest one
    /// (the loading connection's; parallel index build workers come and go and are not counted).
    /// </summary>
    private sealed class PostgresBackendMemory(string admin, string database) : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task? sampling;
        private long peakPrivateKb;
        private long peakResidentKb;
        private int processes;
        private double busiestCpuSeconds;

        public void Start() => sampling = SampleAsync(stop.Token);

        public string Describe() => processes == 0
            ? "not seen (is the server on another machine?)"
            : $"peak private memory {peakPrivateKb / 1024.0:0} MiB, peak resident {peakResidentKb / 1024.0:0} MiB (shared buffers included), " +
              $"CPU time of the loading connection {busiestCpuSeconds:0.0} s, {processes} process(es) seen";

        private async Task SampleAsync(CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            var seen = new HashSet<int>();
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await using (var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @database", connection))
                    {
                        command.Parameters.AddWithValue("database", database);
                        await using var reader = await command.ExecuteReaderAsync(ct);
                        while (await reader.ReadAsync(ct))
                        {
                            var pid = reader.GetInt32(0);
                            if (Status(pid) is { } status)
                            {
                                seen.Add(pid);
                                processes = seen.Count;
                                peakPrivateKb = Math.Max(peakPrivateKb, status.GetValueOrDefault("RssAnon"));
                                peakResidentKb = Math.Max(peakResidentKb, status.GetValueOrDefault("VmHWM"));
                                busiestCpuSeconds = Math.Max(busiestCpuSeconds, CpuSeconds(pid));
                            }
                        }
                    }
                    await Task.Delay(100, ct);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>utime + stime of /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux).</summary>
        private static double CpuSeconds(int pid)
        {
            try
            {
                var stat = System.IO.File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException)
            {
                return 0;
            }
        }

        private static Dictionary<string, long>? Status(int pid)
        {
            try
            {
                return System.IO.File.ReadLines($"/proc/{pid}/status")
                    .Select(line => line.Split(':', 2))
                    .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
                    .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim()[..^3].Trim(), CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            if (sampling is not null)
            {
                await sampling;
            }
            stop.Dispose();
        }
    }
}
