using SalesAssistant;
using SalesAssistant.Catalog.File;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = LaunchProfileEnvironment(args) });
builder.AddSalesAssistant();

var app = builder.Build();
if (args.FirstOrDefault() == SalesAssistant.Accounts.ResetManagerCommand.Name)
{
    return await SalesAssistant.Accounts.ResetManagerCommand.RunAsync(app, args);
}
app.MapSalesAssistant();

try
{
    await app.RunAsync();
}
catch (Exception ex) when (ex is CatalogFileException or SalesAssistant.Accounts.AccountSetupException)
{
    // A bad seed file or a missing first manager stops the app with what to fix, not a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
return 0;

// `dotnet run` starts the app as Development through the launch profile, but only when nobody chose an environment:
// a profile that set ASPNETCORE_ENVIRONMENT itself would silently win over `ASPNETCORE_ENVIRONMENT=Production dotnet run`.
static string? LaunchProfileEnvironment(string[] args) =>
    Environment.GetEnvironmentVariable("SALESASSISTANT_DEFAULT_ENVIRONMENT") is { Length: > 0 } fallback
    && Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null
    && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
    && !args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
        ? fallback
        : null;

public partial class Program;
