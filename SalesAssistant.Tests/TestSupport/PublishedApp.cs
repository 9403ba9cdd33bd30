using System.Diagnostics;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// The app laid out as it is deployed: <c>dotnet publish --no-build</c> of the build these tests run against, once per
/// test run, into the tests' output folder. The build output alone cannot run outside Development: its static web assets
/// (blazor.web.js, MudBlazor's) are only mapped from the source folders there, so no circuit would ever start.
/// </summary>
public static class PublishedApp
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The published SalesAssistant.dll (published on first use).</summary>
    public static Task<string> DllAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "published-app");
        var project = Path.Combine(SalesAssistant.LoadTool.AppProcess.FindRepoRoot(), "SalesAssistant", "SalesAssistant.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", Configuration, "--no-build", "-o", folder, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish --no-build took more than 3 minutes");
        }
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish --no-build failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        }
        return Path.Combine(folder, "SalesAssistant.dll");
    }
}
