using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;

namespace SalesAssistant.Features.Counter;

/// <summary>A product about to be shown on a step, with its active talking points in the manager's order.</summary>
public sealed record OfferCandidate(int ProductId, IReadOnlyList<PitchPoint> Points);

/// <summary>
/// Records which products and talking points a consultation's step put in front of the customer, and applies
/// running A/B tests (<see cref="AbTestVariants"/>): an offer of a product under test leads with one point of the pair
/// and leaves the other out. Once recorded, an offer shows the same variant on every reload.
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
            var runnable = test is not null && AbTestVariants.CanRun(test, candidate.Points, p => p.Id);
            int? lead;
            if (recorded.TryGetValue(candidate.ProductId, out var offer))
            {
                lead = runnable && offer.AbTestId == test!.Id ? offer.LeadTalkingPointId : null;
            }
            else
            {
                lead = runnable ? await AbTestVariants.NextLeadAsync(db, test!, ct) : null;
            }

            var points = (lead is { } leadId ? AbTestVariants.Arrange(candidate.Points, p => p.Id, test!, leadId) : candidate.Points).Take(maxPoints).ToList();
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
            catch (DbUpdateException ex) when (BusyRetry.IsUniqueViolation(ex))
            {
                // Another tab of the same consultation recorded these offers a moment ago; one record per offer is enough.
                // Any other failure (a busy database) goes up, and the whole step is tried again (CounterService).
                db.ChangeTracker.Clear();
            }
        }
        return shown;
    }
}
