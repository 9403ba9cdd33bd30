using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Counter;

/// <summary>A product about to be shown on a step, with its active talking points in the manager's order.</summary>
public sealed record OfferCandidate(int ProductId, IReadOnlyList<PitchPoint> Points);

/// <summary>
/// Records which products and talking points a consultation's step put in front of the customer, and applies
/// running A/B tests: an offer of a product under test leads with one point of the pair (alternately, so both get
/// the same number of offers) and leaves the other out. Once recorded, an offer shows the same variant on every reload.
/// </summary>
public static class OfferTracker
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<PitchPoint>>> ShowAsync(
        SalesDb db, Guid consultationId, OfferStep step, IReadOnlyList<OfferCandidate> candidates, int maxPoints, DateTimeOffset now, CancellationToken ct)
    {
        var shown = new Dictionary<int, IReadOnlyList<PitchPoint>>();
        if (candidates.Count == 0)
        {
            return shown;
        }

        var productIds = candidates.Select(c => c.ProductId).ToList();
        var recorded = await db.Offers.AsNoTracking()
            .Where(o => o.ConsultationId == consultationId && o.Step == step && productIds.Contains(o.ProductId))
            .Select(o => new { o.ProductId, o.AbTestId, o.LeadTalkingPointId })
            .ToDictionaryAsync(o => o.ProductId, ct);
        var tests = await db.TalkingPointAbTests.AsNoTracking()
            .Where(t => t.EndedAt == null && productIds.Contains(t.ProductId))
            .ToDictionaryAsync(t => t.ProductId, ct);

        var newOffers = new List<Offer>();
        foreach (var candidate in candidates)
        {
            var test = tests.GetValueOrDefault(candidate.ProductId);
            var runnable = test is not null && candidate.Points.Any(p => p.Id == test.PointAId) && candidate.Points.Any(p => p.Id == test.PointBId);
            int? lead;
            if (recorded.TryGetValue(candidate.ProductId, out var offer))
            {
                lead = runnable && offer.AbTestId == test!.Id ? offer.LeadTalkingPointId : null;
            }
            else
            {
                lead = runnable ? await NextVariantAsync(db, test!, ct) : null;
            }

            var points = Arrange(candidate.Points, lead is null ? null : test, lead).Take(maxPoints).ToList();
            shown[candidate.ProductId] = points;
            if (offer is null)
            {
                newOffers.Add(new Offer
                {
                    ConsultationId = consultationId,
                    Step = step,
                    ProductId = candidate.ProductId,
                    ShownAt = now,
                    AbTestId = lead is null ? null : test!.Id,
                    LeadTalkingPointId = lead,
                    TalkingPoints = points.Select((p, i) => new OfferTalkingPoint { TalkingPointId = p.Id, Position = i }).ToList(),
                });
            }
        }

        if (newOffers.Count > 0)
        {
            db.Offers.AddRange(newOffers);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another tab of the same consultation recorded these offers a moment ago; one record per offer is enough.
                db.ChangeTracker.Clear();
            }
        }
        return shown;
    }

    private static IEnumerable<PitchPoint> Arrange(IReadOnlyList<PitchPoint> points, TalkingPointAbTest? test, int? lead)
    {
        if (test is null || lead is null)
        {
            return points;
        }
        var partner = lead == test.PointAId ? test.PointBId : test.PointAId;
        return points.Where(p => p.Id == lead).Concat(points.Where(p => p.Id != lead && p.Id != partner));
    }

    /// <summary>The variant with fewer offers so far (A on a tie), which makes the two alternate.</summary>
    private static async Task<int> NextVariantAsync(SalesDb db, TalkingPointAbTest test, CancellationToken ct)
    {
        var counts = await db.Offers.AsNoTracking()
            .Where(o => o.AbTestId == test.Id)
            .GroupBy(o => o.LeadTalkingPointId)
            .Select(g => new { Lead = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var a = counts.FirstOrDefault(c => c.Lead == test.PointAId)?.Count ?? 0;
        var b = counts.FirstOrDefault(c => c.Lead == test.PointBId)?.Count ?? 0;
        return a <= b ? test.PointAId : test.PointBId;
    }
}
