using System.Diagnostics;

namespace SalesAssistant.Benchmarks.Catalog;

/// <summary><c>generate --products 100000 --seed 42 --out catalog.csv</c>: writes a generated catalog file.</summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandLine(args);
        var products = options.Int("products", 1000);
        var seed = options.Int("seed", 42);
        var path = Path.GetFullPath(options.Required("out"));

        var stopwatch = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            new CatalogGenerator(products, seed).Write(file);
        }
        Console.WriteLine($"Wrote {products} products (seed {seed}) to {path}: {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
