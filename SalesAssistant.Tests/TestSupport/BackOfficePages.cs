using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>Every page of the back office, for the checks that walk them all (axe, the pseudo-language).</summary>
public static class BackOfficePages
{
    public static async Task<IReadOnlyList<string>> OfAsync(AppServer app)
    {
        await using var db = app.CreateDbContext();
        var product = await db.Products.Where(p => p.FamilyId != null).OrderBy(p => p.Id).FirstAsync();
        return
        [
            "/manage", $"/manage/products/{product.Id}", "/manage/products/new", $"/manage/products/{product.Id}/talking-points",
            "/manage/families", $"/manage/families/{product.FamilyId}", "/manage/import", "/manage/staff",
            "/manage/insights", "/manage/insights/together", "/manage/sales-import",
        ];
    }
}
