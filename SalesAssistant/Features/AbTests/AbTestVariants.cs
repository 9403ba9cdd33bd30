using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.AbTests;

/// <summary>
/// Which variant an offer of a product under test leads with, and what it shows: the lead point first, the other
/// point of the pair left out. The counter and the demo history both go through here.
/// </summary>
public static class AbTestVariants
{
    /// <summary>The variant with fewer offers so far (A on a tie), which makes the two alternate.</summary>
    public static int NextLead(TalkingPointAbTest test, int offersLedByA, int offersLedByB) =>
        offersLedByA <= offersLedByB ? test.PointAId : test.PointBId;

    /// <summary><see cref="NextLead(TalkingPointAbTest, int, int)"/> with the test's offers counted in the database.</summary>
    public static async Task<int> NextLeadAsync(SalesDb db, TalkingPointAbTest test, CancellationToken ct)
    {
        var counts = await db.Offers.AsNoTracking()
            .Where(o => o.AbTestId == test.Id)
            .GroupBy(o => o.LeadTalkingPointId)
            .Select(g => new { Lead = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return NextLead(test,
            counts.FirstOrDefault(c => c.Lead == test.PointAId)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Lead == test.PointBId)?.Count ?? 0);
    }

    /// <summary>Whether the test can run on an offer showing these points: both of its points must be among them.</summary>
    public static bool CanRun<TPoint>(TalkingPointAbTest test, IEnumerable<TPoint> points, Func<TPoint, int> idOf) =>
        points.Any(p => idOf(p) == test.PointAId) && points.Any(p => idOf(p) == test.PointBId);

    /// <summary>The points an offer leading with <paramref name="lead"/> shows: the lead first, then the others in order, without the other variant.</summary>
    public static IEnumerable<TPoint> Arrange<TPoint>(IEnumerable<TPoint> points, Func<TPoint, int> idOf, TalkingPointAbTest test, int lead)
    {
        var partner = lead == test.PointAId ? test.PointBId : test.PointAId;
        return points.Where(p => idOf(p) == lead).Concat(points.Where(p => idOf(p) != lead && idOf(p) != partner));
    }
}
