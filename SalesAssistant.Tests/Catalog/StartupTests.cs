using System.Diagnostics;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public sealed class StartupTests
{
    [Fact]
    public async Task A_bad_seed_file_stops_the_app_with_every_bad_row_and_a_non_zero_exit_code()
    {
        var folder = Directory.CreateTempSubdirectory("bad-seed-").FullName;
        var seed = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(seed, TestCatalog.Header + "\nA 1,,Name,B,Cat,1.00,1,,,,,\nB-1,,Name,B,Cat,\"1,00\",1,,,,,\n", Xunit.TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SalesAssistant.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["Catalog__SeedFile"] = seed,
                ["ConnectionStrings__Catalog"] = $"Data Source={Path.Combine(folder, "app.db")}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };

        using var app = Process.Start(start)!;
        var stderr = app.StandardError.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        var stdout = app.StandardOutput.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, app.ExitCode);
        var message = await stderr;
        Assert.Contains(seed, message);
        Assert.Contains("line 2, column 'sku'", message);
        Assert.Contains("line 3, column 'price'", message);
        Assert.DoesNotContain("Now listening", await stdout);
    }
}
