namespace SalesAssistant.Features.Counter;

public static class CounterSetup
{
    /// <summary>The clerk's flow: finding the product and the consultation's steps.</summary>
    public static IHostApplicationBuilder AddCounter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CounterService>();
        builder.Services.AddScoped<ProductSearch>();
        return builder;
    }
}
