using SalesAssistant.Features.Insights.DemoHistory;
using SalesAssistant.Features.Insights.Sales;
using SalesAssistant.Features.Insights.Together;

namespace SalesAssistant.Features.Insights;

public static class InsightsSetup
{
    /// <summary>The dashboard, frequently bought together, till sales and the demo history that fills an empty dashboard.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InsightsService>();
        builder.Services.AddScoped<TogetherService>();
        builder.Services.AddScoped<SalesImportService>();
        builder.Services.AddOptions<DemoHistoryOptions>().BindConfiguration(DemoHistoryOptions.Section)
            .Validate(o => o.Consultations is >= 0 and <= 100_000 && o.TillOrders is >= 0 and <= 100_000 && o.Days is >= 1 and <= 366,
                "DemoHistory: Consultations and TillOrders must be 0–100000, Days 1–366");
        // A hosted service registered after the catalog's and the accounts' ones: the demo history needs both.
        builder.Services.AddHostedService<DemoHistorySeeder>();
        return builder;
    }

    public static WebApplication MapInsights(this WebApplication app)
    {
        app.MapInsightsExport();
        return app;
    }
}
