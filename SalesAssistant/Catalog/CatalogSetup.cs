using SalesAssistant.Catalog.AccessoryLinks;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Catalog;

public static class CatalogSetup
{
    /// <summary>The catalog file format, the seed catalog loaded at first start, the shared category counts and the accessory links.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxFileBytes > 0, "Import:MaxFileBytes must be positive");
        builder.Services.AddSingleton<CatalogFileReader>();
        builder.Services.AddSingleton<CatalogFileWriter>();
        builder.Services.AddSingleton<CatalogLoader>();
        builder.Services.AddHostedService<CatalogInitializer>();
        builder.Services.AddSingleton<CategoryCounts>();
        builder.Services.AddScoped<AccessoryLinkService>();
        return builder;
    }
}
