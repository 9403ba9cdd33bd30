using BenchmarkDotNet.Running;
using SalesAssistant.Benchmarks.Catalog;

namespace SalesAssistant.Benchmarks;

/// <summary>
/// <c>generate</c> writes a catalog file, <c>load</c> times loading one into an empty database (SQLite or PostgreSQL),
/// <c>import-under-load</c> times clerks' actions during a catalog import, <c>bench</c> runs the BenchmarkDotNet benchmarks of this assembly.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case "generate":
                return GenerateCommand.Run(rest);
            case "load":
                return await LoadCommand.RunAsync(rest);
            case "import-under-load":
                return await ImportUnderLoadCommand.RunAsync(rest);
            case "bench":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return 0;
            default:
                await Console.Error.WriteLineAsync("""
                    usage:
                      generate --products <n> --seed <n> --out <file.csv>
                      load --file <file.csv> [--db <file.db> | --postgres <connection string>]
                      import-under-load [--products <n>] [--clerks <n>]
                      bench [BenchmarkDotNet arguments]
                    """);
                return 2;
        }
    }
}
