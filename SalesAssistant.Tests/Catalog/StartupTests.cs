using System.Diagnostics;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public sealed class StartupTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task A_bad_seed_file_stops_the_app_with_every_bad_row_in_the_stores_language_and_a_non_zero_exit_code(string language)
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
                ["Store__Language"] = language,
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
        // The words come from the catalog's resources in the store's language: "line 2, column 'sku'" in English.
        var where = new System.Resources.ResourceManager("SalesAssistant.Catalog.CatalogText", typeof(Program).Assembly)
            .GetString("line {0}, column '{1}': {2}", new System.Globalization.CultureInfo(language))!.Split("{2}")[0];
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, where, 2, "sku"), message);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, where, 3, "price"), message);
        Assert.Equal(language == "en", message.Contains("line 2, column 'sku'", StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", await stdout);
    }
}
