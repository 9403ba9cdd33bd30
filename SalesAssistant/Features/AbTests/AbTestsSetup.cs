namespace SalesAssistant.Features.AbTests;

public static class AbTestsSetup
{
    /// <summary>Starting and ending A/B tests of talking points (the counter and the dashboard use the static parts).</summary>
    public static WebApplicationBuilder AddAbTests(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AbTestService>();
        return builder;
    }
}
