using Microsoft.EntityFrameworkCore;
using System.Diagnostics;

namespace SalesAssistant.Tests.Accounts;

/// <summary>The app started as an operator would in production: it never falls back to the development manager.</summary>
public sealed class ProductionStartTests
{
    private static string RepoFolder() => SalesAssistant.LoadTool.AppProcess.FindRepoRoot();

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] command)
    {
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Catalog"] = $"Data Source={Path.Combine(folder, "app.db")}",
            },
        };
        start.Environment.Remove("Manager__Email");
        start.Environment.Remove("Manager__Password");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_published_app_in_production_refuses_to_start_without_a_configured_manager()
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-published-").FullName;

        var (exitCode, output) = await RunAsync(folder, "dotnet", await SalesAssistant.Tests.TestSupport.PublishedApp.DllAsync());

        Assert.Equal(1, exitCode);
        Assert.Contains("Manager__Email", output);
        Assert.DoesNotContain("Now listening", output);
        Assert.DoesNotContain("manager@store.local", output);
    }

    [Fact]
    public async Task Dotnet_run_with_aspnetcore_environment_production_runs_as_production()
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-run-").FullName;

        var (exitCode, output) = await RunAsync(folder, "dotnet", "run", "--no-build", "--project", Path.Combine(RepoFolder(), "SalesAssistant"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Manager__Email", output);
        Assert.DoesNotContain("manager@store.local", output);
    }

    [Fact]
    public async Task An_operator_resets_the_only_manager_from_the_command_line()
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-reset-").FullName;
        var app = Path.Combine(AppContext.BaseDirectory, "SalesAssistant.dll");
        var missing = await RunAsync(folder, "dotnet", app, "reset-manager", "--email", "owner@shop.test", "--password", "Owner-First-2026");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("there is no database", missing.Output);
        await using (var empty = SalesAssistant.Data.SalesDb.Create(SalesAssistant.Data.DatabaseProvider.Sqlite, new DbContextOptionsBuilder<SalesAssistant.Data.SalesDb>()
            .UseSqlite($"Data Source={Path.Combine(folder, "app.db")}").Options))
        {
            await empty.Database.MigrateAsync();
        }

        var created = await RunAsync(folder, "dotnet", app, "reset-manager", "--email", "owner@shop.test", "--password", "Owner-First-2026");
        var reset = await RunAsync(folder, "dotnet", app, "reset-manager", "--email", "owner@shop.test", "--password", "Owner-Again-2026");
        var weak = await RunAsync(folder, "dotnet", app, "reset-manager", "--email", "owner@shop.test", "--password", "short");

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(reset.ExitCode == 0, reset.Output);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("nothing changed", weak.Output);
        var stillWorks = await RunAsync(folder, "dotnet", app, "reset-manager", "--email", "owner@shop.test", "--password", "Owner-Again-2026");
        Assert.True(stillWorks.ExitCode == 0, stillWorks.Output);
        Assert.DoesNotContain("Now listening", reset.Output);
        await using var db = SalesAssistant.Data.SalesDb.Create(SalesAssistant.Data.DatabaseProvider.Sqlite, new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SalesAssistant.Data.SalesDb>()
            .UseSqlite($"Data Source={Path.Combine(folder, "app.db")}").Options);
        var user = db.Users.Single(u => u.Email == "owner@shop.test");
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<SalesAssistant.Accounts.AppUser>();
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, "Owner-Again-2026"));
        Assert.Contains(db.UserRoles, r => r.UserId == user.Id);
    }
}
