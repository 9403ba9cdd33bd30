using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Features.AbTests;

/// <summary>The counts of the A/B tests and their verdicts (<see cref="TwoProportionTest"/>), for the dashboard.</summary>
public static class AbTestResults
{
    /// <summary>
    /// The most recent tests, running ones first, each counted over all its offers in finished consultations since it
    /// started (a dashboard's date filter does not apply).
    /// </summary>
    public static async Task<IReadOnlyList<AbTestResult>> RecentAsync(SalesDb db, int max, CancellationToken ct)
    {
        var tests = await db.TalkingPointAbTests.AsNoTracking()
            .OrderBy(t => t.EndedAt == null ? 0 : 1).ThenByDescending(t => t.StartedAt)
            .Take(max)
            .Select(t => new { t.Id, t.ProductId, t.Product!.Sku, t.Product.Name, t.StartedAt, t.EndedAt, t.PointAId, AText = t.PointA!.Text, t.PointBId, BText = t.PointB!.Text })
            .ToListAsync(ct);
        if (tests.Count == 0)
        {
            return [];
        }
        var testIds = tests.Select(t => (int?)t.Id).ToList();
        var counts = await db.Offers.Where(o => testIds.Contains(o.AbTestId) && o.Consultation!.Step == ConsultationStep.Finished)
            .WithOutcome()
            .GroupBy(o => new { o.AbTestId, o.LeadTalkingPointId })
            .Select(g => new { g.Key.AbTestId, g.Key.LeadTalkingPointId, Offers = g.Count(), Accepted = g.Count(o => o.Accepted) })
            .ToListAsync(ct);

        AbVariant Variant(int testId, int pointId, string text)
        {
            var row = counts.FirstOrDefault(c => c.AbTestId == testId && c.LeadTalkingPointId == pointId);
            return new AbVariant(pointId, text, row?.Offers ?? 0, row?.Accepted ?? 0);
        }

        return tests.Select(t =>
        {
            var a = Variant(t.Id, t.PointAId, t.AText);
            var b = Variant(t.Id, t.PointBId, t.BText);
            return new AbTestResult(t.Id, t.Sku, t.Name, t.StartedAt, t.EndedAt, a, b, new TwoProportionTest(a.Accepted, a.Offers, b.Accepted, b.Offers));
        }).ToList();
    }
}
