namespace SalesAssistant.Features.AbTests;

public static class AbTestsSetup
{
    /// <summary>Starting and ending A/B tests of talking points (the counter and the dashboard use the static parts).</summary>
    public static IHostApplicationBuilder AddAbTests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AbTestService>();
        return builder;
    }
}
