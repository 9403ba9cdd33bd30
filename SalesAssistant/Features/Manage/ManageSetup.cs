using SalesAssistant.Features.Manage.Families;
using SalesAssistant.Features.Manage.Import;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.Staff;
using SalesAssistant.Features.Manage.TalkingPoints;

namespace SalesAssistant.Features.Manage;

public static class ManageSetup
{
    /// <summary>The manager's back office: products, talking points, families, catalog import and export, staff.</summary>
    public static IHostApplicationBuilder AddManage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProductService>();
        builder.Services.AddScoped<TalkingPointService>();
        builder.Services.AddScoped<FamilyService>();
        builder.Services.AddScoped<CatalogImportService>();
        builder.Services.AddScoped<StaffService>();
        return builder;
    }

    public static WebApplication MapManage(this WebApplication app)
    {
        app.MapCatalogExport();
        return app;
    }
}
