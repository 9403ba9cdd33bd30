using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog.AccessoryLinks;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Insights.Together;

public enum TogetherRanking
{
    Lift = 1,
    Confidence = 2,
    Support = 3,
}

/// <summary>Which baskets to mine: finished consultations and imported till orders of these UTC days.</summary>
public sealed record TogetherQuery(DateOnly From, DateOnly To, int MinTogether = TogetherQuery.DefaultMinTogether, TogetherRanking RankBy = TogetherRanking.Lift)
{
    public const int DefaultMinTogether = 5;
}

/// <summary>
/// "Customers who took <see cref="MainSku"/> also took <see cref="OtherSku"/>" — in <see cref="Together"/> of
/// <see cref="Baskets"/> baskets. Support = share of all baskets holding both; confidence = share of the main
/// product's baskets that also hold the other; lift = how much more often than if they were unrelated (1 = no link).
/// </summary>
public sealed record TogetherSuggestion(
    int MainProductId, string MainSku, string MainName, int OtherProductId, string OtherSku, string OtherName,
    int Together, int MainBaskets, int OtherBaskets, int Baskets)
{
    public double Support => (double)Together / Baskets;
    public double Confidence => (double)Together / MainBaskets;
    public double Lift => (double)Together * Baskets / ((double)MainBaskets * OtherBaskets);
}

/// <summary>One basket behind a suggestion: a consultation at the counter or an order from the till (<see cref="Source"/> is <see cref="Counter"/> or <see cref="Till"/>).</summary>
public sealed record TogetherBasket(string Source, string Reference, DateTimeOffset At, IReadOnlyList<string> Products)
{
    public const string Counter = "Counter";
    public const string Till = "Till";
}

/// <summary>
/// Frequently bought together: product pairs that share baskets more often than chance, where the second is not yet
/// an accessory of the first. The pair counting runs in SQL over both basket sources.
/// </summary>
public sealed class TogetherService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, AccessoryLinkService links)
{
    public const int MaxSuggestions = 50;
    public const int MaxBasketsShown = 20;

    public async Task<IReadOnlyList<TogetherSuggestion>> SuggestAsync(TogetherQuery query, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orderBy = query.RankBy switch
        {
            TogetherRanking.Confidence => "CAST(p.together AS DOUBLE PRECISION) / pm.n DESC, p.together DESC",
            TogetherRanking.Support => "p.together DESC, CAST(p.together AS DOUBLE PRECISION) / pm.n DESC",
            _ => "CAST(p.together AS DOUBLE PRECISION) / (CAST(pm.n AS DOUBLE PRECISION) * po.n) DESC, p.together DESC",
        };
        var (soldFrom, soldTo) = SoldAtRange(query.From, query.To);
        // Each basket is a set of products (quantities do not matter); consultations and till orders are both baskets.
        // The same SQL on SQLite and PostgreSQL: counts cast to INTEGER (PostgreSQL counts in bigint).
        var sql = $$"""
            WITH baskets AS (
                SELECT 'c' || l."ConsultationId" AS basket, l."ProductId" AS product
                FROM "BasketLines" AS l JOIN "Consultations" AS c ON c."Id" = l."ConsultationId"
                WHERE c."Step" = {{(int)ConsultationStep.Finished}} AND c."FinishedOn" >= {0} AND c."FinishedOn" <= {1}
                UNION
                SELECT 's' || o."Id", sl."ProductId"
                FROM "SaleLines" AS sl JOIN "SaleOrders" AS o ON o."Id" = sl."SaleOrderId"
                WHERE o."SoldAt" >= {2} AND o."SoldAt" < {3}
            ),
            product_baskets AS (SELECT product, CAST(COUNT(*) AS INTEGER) AS n FROM baskets GROUP BY product),
            pairs AS (
                SELECT a.product AS main, b.product AS other, CAST(COUNT(*) AS INTEGER) AS together
                FROM baskets AS a JOIN baskets AS b ON b.basket = a.basket AND b.product <> a.product
                GROUP BY a.product, b.product
                HAVING COUNT(*) >= {4}
            )
            SELECT p.main AS "MainProductId", mp."Sku" AS "MainSku", mp."Name" AS "MainName",
                   p.other AS "OtherProductId", op."Sku" AS "OtherSku", op."Name" AS "OtherName",
                   p.together AS "Together", pm.n AS "MainBaskets", po.n AS "OtherBaskets",
                   (SELECT CAST(COUNT(DISTINCT basket) AS INTEGER) FROM baskets) AS "Baskets"
            FROM pairs AS p
            JOIN product_baskets AS pm ON pm.product = p.main
            JOIN product_baskets AS po ON po.product = p.other
            JOIN "Products" AS mp ON mp."Id" = p.main AND mp."IsActive"
            JOIN "Products" AS op ON op."Id" = p.other AND op."IsActive"
            WHERE NOT EXISTS (SELECT 1 FROM "AccessoryLinks" AS al WHERE al."ProductId" = p.main AND al."AccessoryId" = p.other)
            ORDER BY {{orderBy}}, p.main, p.other
            LIMIT {{MaxSuggestions}}
            """;
        return await db.Database
            .SqlQueryRaw<TogetherSuggestion>(sql, query.From, query.To, soldFrom, soldTo, Math.Max(query.MinTogether, 1))
            .ToListAsync(ct);
    }

    /// <summary>The most recent baskets (at most <see cref="MaxBasketsShown"/>) that hold both products.</summary>
    public async Task<IReadOnlyList<TogetherBasket>> BasketsAsync(TogetherQuery query, int mainProductId, int otherProductId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.Step == ConsultationStep.Finished && c.FinishedOn >= query.From && c.FinishedOn <= query.To)
            .Where(c => c.Lines.Any(l => l.ProductId == mainProductId) && c.Lines.Any(l => l.ProductId == otherProductId))
            .OrderByDescending(c => c.FinishedAt)
            .Take(MaxBasketsShown)
            .Select(c => new { c.Id, c.FinishedAt, Products = c.Lines.OrderBy(l => l.Role).ThenBy(l => l.Id).Select(l => l.Product!.Name).ToList() })
            .ToListAsync(ct);
        var (soldFrom, soldTo) = SoldAtRange(query.From, query.To);
        var from = DateTimeOffset.FromUnixTimeMilliseconds(soldFrom);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(soldTo);
        var orders = await db.SaleOrders.AsNoTracking()
            .Where(o => o.SoldAt >= from && o.SoldAt < to)
            .Where(o => o.Lines.Any(l => l.ProductId == mainProductId) && o.Lines.Any(l => l.ProductId == otherProductId))
            .OrderByDescending(o => o.SoldAt)
            .Take(MaxBasketsShown)
            .Select(o => new { o.OrderNumber, o.SoldAt, Products = o.Lines.OrderBy(l => l.Id).Select(l => l.Product!.Name).ToList() })
            .ToListAsync(ct);

        return consultations.Select(c => new TogetherBasket(TogetherBasket.Counter, c.Id.ToString()[..8], c.FinishedAt!.Value, c.Products))
            .Concat(orders.Select(o => new TogetherBasket(TogetherBasket.Till, o.OrderNumber, o.SoldAt, o.Products)))
            .OrderByDescending(b => b.At)
            .Take(MaxBasketsShown)
            .ToList();
    }

    /// <summary>Makes the suggested product an accessory of the main product; the catalog history says where the link came from.</summary>
    public Task<ChangeResult> LinkAsync(TogetherSuggestion suggestion, CancellationToken ct = default) =>
        links.AddAccessoryAsync(suggestion.MainProductId, suggestion.OtherSku, alsoReverse: false,
            why: string.Create(CultureInfo.InvariantCulture,
                $"frequently bought together: in {suggestion.Together} of {suggestion.MainBaskets} baskets with it, confidence {suggestion.Confidence:P0}, lift {suggestion.Lift:0.0}"),
            ct: ct);

    /// <summary>Unix milliseconds from the start of <paramref name="from"/> to the end of <paramref name="to"/>, as SoldAt is stored.</summary>
    private static (long From, long To) SoldAtRange(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(),
         new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
}
