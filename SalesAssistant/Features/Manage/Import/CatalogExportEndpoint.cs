using SalesAssistant.Accounts;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.Import;

public static class CatalogExportEndpoint
{
    /// <summary>GET /manage/export: the whole active catalog as a catalog file, for managers only.</summary>
    public static void MapCatalogExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/manage/export", async (HttpContext context, CatalogFileWriter writer, TimeProvider clock) =>
            {
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"catalog-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
                await writer.WriteAsync(context.Response.Body, context.RequestAborted);
            })
            .RequireAuthorization(policy => policy.RequireRole(AppRoles.Manager));
}
