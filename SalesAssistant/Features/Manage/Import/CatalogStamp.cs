using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Import;

/// <summary>
/// A fingerprint of the catalog's state, read with a few aggregates: counts, the sum of the versions every edit of a
/// product or talking point raises, and the accessory links' order. An import planned on one stamp is applied only
/// while the catalog still has it, so a manager's edit made meanwhile is never overwritten by an older plan.
/// </summary>
public static class CatalogStamp
{
    public static async Task<string> ReadAsync(SalesDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("""
            SELECT (SELECT COUNT(*) || ':' || COALESCE(SUM("Version"), 0) || ':' || COALESCE(MAX("Id"), 0) FROM "Products")
                || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM("Version"), 0) FROM "TalkingPoints")
                || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM("Priority" * 1000003 + "AccessoryId"), 0) FROM "AccessoryLinks")
                || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH("Name")), 0) FROM "Categories")
                || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH("Name")), 0) FROM "Families") AS "Value"
            """).SingleAsync(ct);
}
