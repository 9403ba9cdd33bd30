using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Counter;

/// <summary>
/// The clerk's consultation, one step at a time. Every action is written to the database before it returns,
/// so a reload or a lost connection resumes exactly where the clerk was. An action that does not fit the
/// consultation's current step (a double tap, a second tab) changes nothing and returns false.
/// Only signed-in counter staff (clerks and managers) may read or change consultations. A step that meets a busy
/// database runs again once (<see cref="BusyRetry"/>); if it still cannot write it throws <see cref="DatabaseBusyException"/>
/// having saved nothing, and the page says so.
/// </summary>
public sealed class CounterService(IDbContextFactory<SalesDb> dbFactory, TimeProvider clock, CurrentUser currentUser)
{
    /// <summary>Starts a consultation with the customer's chosen product as baseline; null when there is no such product.</summary>
    public Task<Guid?> StartAsync(string sku, CancellationToken ct = default) => BusyRetry.RunAsync(() => StartOnceAsync(sku, ct), ct);

    private async Task<Guid?> StartOnceAsync(string sku, CancellationToken ct)
    {
        var clerkId = await currentUser.RequireAsync(AppRoles.CounterStaff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.Sku == sku)
            .Select(p => new { p.Id, p.PriceMinor, p.FamilyId, p.Tier })
            .FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var hasUpsell = product.FamilyId is not null && await ProductPitches.HigherTiers(db, product.Id).AnyAsync(ct);
        var now = clock.GetUtcNow();
        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(now),
            StartedAt = now,
            ClerkId = clerkId,
            BaselineProductId = product.Id,
            BaselinePriceMinor = product.PriceMinor,
            Step = hasUpsell ? ConsultationStep.Upsell : ConsultationStep.Accessories,
            UpsellOutcome = hasUpsell ? null : UpsellOutcome.NotOffered,
            Lines = [new BasketLine { ProductId = product.Id, Role = BasketLineRole.Main, UnitPriceMinor = product.PriceMinor, AddedAt = now }],
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        return consultation.Id;
    }

    /// <summary>
    /// The consultation as the clerk sees it now. On the up-sell and accessory steps this also records, once per
    /// product, the offers it puts on screen and their talking points (see <see cref="OfferTracker"/>): the dashboard
    /// measures what was shown, not only what was taken.
    /// </summary>
    public Task<ConsultationView?> GetAsync(Guid id, CancellationToken ct = default) => BusyRetry.RunAsync(() => GetOnceAsync(id, ct), ct);

    private async Task<ConsultationView?> GetOnceAsync(Guid id, CancellationToken ct)
    {
        await currentUser.RequireAsync(AppRoles.CounterStaff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One open for the dozen commands below (EF sets up its SQL functions on every open of a connection it manages).
        await db.Database.OpenConnectionAsync(ct);
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Step,
                c.StartedAt,
                c.BaselineProductId,
                c.BaselinePriceMinor,
                c.UpsellOutcome,
                c.AccessoriesStoppedByNegativeReaction,
                Lines = c.Lines.OrderBy(l => l.Role).ThenBy(l => l.Id)
                    .Select(l => new { l.ProductId, View = new BasketLineView(l.Product!.Sku, l.Product.Name, l.Role, new Money(l.UnitPriceMinor)) })
                    .ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (consultation is null)
        {
            return null;
        }

        var mainProductId = consultation.Lines.First(l => l.View.Role == BasketLineRole.Main).ProductId;
        var pitches = await ProductPitches.Of(db.Products.Where(p => p.Id == consultation.BaselineProductId || p.Id == mainProductId)).ToListAsync(ct);
        var baseline = pitches.Single(p => p.Id == consultation.BaselineProductId);
        var mainProduct = pitches.Single(p => p.Id == mainProductId);

        IReadOnlyList<UpsellOption> upsellOptions = consultation.Step == ConsultationStep.Upsell
            ? await UpsellOptionsAsync(db, id, baseline, new Money(consultation.BaselinePriceMinor), ct)
            : [];
        var basketSkus = consultation.Lines.Select(l => l.View.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<AccessoryOffer> accessories = consultation.Step == ConsultationStep.Accessories
            ? await AccessoryOffersAsync(db, id, mainProductId, basketSkus, ct)
            : [];

        return new ConsultationView(
            consultation.Id,
            consultation.Step,
            consultation.StartedAt,
            baseline,
            mainProduct,
            consultation.UpsellOutcome,
            upsellOptions,
            consultation.AccessoriesStoppedByNegativeReaction,
            accessories,
            new BasketView(consultation.Lines.Select(l => l.View).ToList(), new Money(consultation.BaselinePriceMinor)));
    }

    public Task<bool> ChooseUpsellAsync(Guid id, string sku, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Upsell, async (db, consultation) =>
        {
            var option = await ProductPitches.HigherTiers(db, consultation.BaselineProductId).AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, ct);
            if (option is null)
            {
                return false;
            }
            var main = consultation.Lines.Single(l => l.Role == BasketLineRole.Main);
            main.ProductId = option.Id;
            main.UnitPriceMinor = option.PriceMinor;
            main.AddedAt = clock.GetUtcNow();
            consultation.UpsellOutcome = UpsellOutcome.Accepted;
            consultation.Step = ConsultationStep.Accessories;
            return true;
        }, ct);

    public Task<bool> KeepOriginalAsync(Guid id, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Upsell, (_, consultation) =>
        {
            consultation.UpsellOutcome = UpsellOutcome.KeptOriginal;
            consultation.Step = ConsultationStep.Accessories;
            return Task.FromResult(true);
        }, ct);

    /// <summary>Records the customer's reaction to the current step's offers; a negative one ends that step at once.</summary>
    public Task<bool> RecordReactionAsync(Guid id, CustomerReaction reaction, CancellationToken ct = default) =>
        BusyRetry.RunAsync(() => RecordReactionOnceAsync(id, reaction, ct), ct);

    private async Task<bool> RecordReactionOnceAsync(Guid id, CustomerReaction reaction, CancellationToken ct)
    {
        await currentUser.RequireAsync(AppRoles.CounterStaff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginLockingConsultationAsync(id, ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation?.Step is not (ConsultationStep.Upsell or ConsultationStep.Accessories))
        {
            return false;
        }

        var step = consultation.Step == ConsultationStep.Upsell ? OfferStep.Upsell : OfferStep.Accessories;
        db.Reactions.Add(new ReactionRecord { ConsultationId = id, Step = step, Reaction = reaction, RecordedAt = clock.GetUtcNow() });
        if (reaction == CustomerReaction.Negative && step == OfferStep.Upsell)
        {
            consultation.UpsellOutcome = UpsellOutcome.StoppedByNegativeReaction;
            consultation.Step = ConsultationStep.Accessories;
        }
        else if (reaction == CustomerReaction.Negative)
        {
            consultation.AccessoriesOffered = true;
            consultation.AccessoriesStoppedByNegativeReaction = true;
            consultation.Step = ConsultationStep.Summary;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Adds the accessory to the basket, or takes it out again if it is already there.</summary>
    public Task<bool> ToggleAccessoryAsync(Guid id, string sku, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Accessories, async (db, consultation) =>
        {
            var mainProductId = consultation.Lines.Single(l => l.Role == BasketLineRole.Main).ProductId;
            var accessory = await ProductPitches.OfferableAccessories(db, mainProductId).FirstOrDefaultAsync(p => p.Sku == sku, ct);
            if (accessory is null)
            {
                return false;
            }
            var existing = consultation.Lines.FirstOrDefault(l => l.Role == BasketLineRole.Accessory && l.ProductId == accessory.Id);
            if (existing is null)
            {
                consultation.AccessoriesOffered = true;
                consultation.Lines.Add(new BasketLine { ProductId = accessory.Id, Role = BasketLineRole.Accessory, UnitPriceMinor = accessory.PriceMinor, AddedAt = clock.GetUtcNow() });
            }
            else
            {
                db.BasketLines.Remove(existing);
            }
            return true;
        }, ct);

    /// <summary>
    /// Adds a product the customer asked for on the accessory step (found by search) to the basket. An accessory
    /// on offer goes in as that accessory; anything else as an extra line. False when it is inactive, out of stock
    /// or already in the basket.
    /// </summary>
    public Task<bool> AddProductAsync(Guid id, string sku, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Accessories, async (db, consultation) =>
        {
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.IsActive && p.Stock > 0 && p.Sku == sku, ct);
            if (product is null || consultation.Lines.Any(l => l.ProductId == product.Id))
            {
                return false;
            }
            var mainProductId = consultation.Lines.Single(l => l.Role == BasketLineRole.Main).ProductId;
            var isOffered = await ProductPitches.OfferableAccessories(db, mainProductId).AnyAsync(p => p.Id == product.Id, ct);
            consultation.AccessoriesOffered |= isOffered;
            consultation.Lines.Add(new BasketLine
            {
                ProductId = product.Id,
                Role = isOffered ? BasketLineRole.Accessory : BasketLineRole.Extra,
                UnitPriceMinor = product.PriceMinor,
                AddedAt = clock.GetUtcNow(),
            });
            return true;
        }, ct);

    /// <summary>Takes an extra product (one added by search) out of the basket again.</summary>
    public Task<bool> RemoveExtraAsync(Guid id, string sku, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Accessories, async (db, consultation) =>
        {
            var productId = await db.Products.Where(p => p.Sku == sku).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            var line = consultation.Lines.FirstOrDefault(l => l.Role == BasketLineRole.Extra && l.ProductId == productId);
            if (line is null)
            {
                return false;
            }
            db.BasketLines.Remove(line);
            return true;
        }, ct);

    /// <summary>Moves from the accessory step to the summary.</summary>
    public Task<bool> ContinueToSummaryAsync(Guid id, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Accessories, async (db, consultation) =>
        {
            var mainProductId = consultation.Lines.Single(l => l.Role == BasketLineRole.Main).ProductId;
            consultation.AccessoriesOffered |= await ProductPitches.OfferableAccessories(db, mainProductId).AnyAsync(ct);
            consultation.Step = ConsultationStep.Summary;
            return true;
        }, ct);

    public Task<bool> FinishAsync(Guid id, CancellationToken ct = default) =>
        UpdateAsync(id, ConsultationStep.Summary, (_, consultation) =>
        {
            var now = clock.GetUtcNow();
            consultation.Step = ConsultationStep.Finished;
            consultation.FinishedAt = now;
            consultation.FinishedOn = DateOnly.FromDateTime(now.UtcDateTime);
            return Task.FromResult(true);
        }, ct);

    private Task<bool> UpdateAsync(Guid id, ConsultationStep expectedStep, Func<SalesDb, Consultation, Task<bool>> change, CancellationToken ct) =>
        BusyRetry.RunAsync(() => UpdateOnceAsync(id, expectedStep, change, ct), ct);

    private async Task<bool> UpdateOnceAsync(Guid id, ConsultationStep expectedStep, Func<SalesDb, Consultation, Task<bool>> change, CancellationToken ct)
    {
        await currentUser.RequireAsync(AppRoles.CounterStaff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The step is checked and changed under a lock (SQLite's write lock, PostgreSQL's row lock), so two taps (or
        // two tablets) on the same consultation cannot both pass the check.
        await using var transaction = await db.Database.BeginLockingConsultationAsync(id, ct);
        var consultation = await db.Consultations.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null || consultation.Step != expectedStep || !await change(db, consultation))
        {
            return false;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<IReadOnlyList<UpsellOption>> UpsellOptionsAsync(SalesDb db, Guid consultationId, ProductPitch baseline, Money baselinePrice, CancellationToken ct)
    {
        var options = await ProductPitches.HigherTiersAsync(db, baseline.Id, ct);
        var shown = await OfferTracker.ShowAsync(db, consultationId, OfferStep.Upsell,
            options.Select(o => new OfferCandidate(o.Id, o.TalkingPoints)).ToList(), CatalogLimits.MaxTalkingPoints, clock.GetUtcNow(), ct);
        return options
            .Select(o => new UpsellOption(o with { TalkingPoints = shown[o.Id] }, o.Price - baselinePrice, Differences(baseline, o)))
            .ToList();
    }

    private static IReadOnlyList<SpecDifference> Differences(ProductPitch baseline, ProductPitch option)
    {
        var baselineSpecs = baseline.Specs.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        return option.Specs
            .Where(s => !baselineSpecs.TryGetValue(s.Key, out var value) || !string.Equals(value, s.Value, StringComparison.Ordinal))
            .Select(s => new SpecDifference(s.Key, baselineSpecs.GetValueOrDefault(s.Key), s.Value))
            .ToList();
    }

    private async Task<IReadOnlyList<AccessoryOffer>> AccessoryOffersAsync(SalesDb db, Guid consultationId, int mainProductId, HashSet<string> basketSkus, CancellationToken ct)
    {
        var accessories = await ProductPitches.AccessoriesAsync(db, mainProductId, ct);
        // An accessory card has room for one reason: its first talking point (or the A/B variant it leads with).
        var shown = await OfferTracker.ShowAsync(db, consultationId, OfferStep.Accessories,
            accessories.Select(a => new OfferCandidate(a.Id, a.TalkingPoints)).ToList(), 1, clock.GetUtcNow(), ct);
        return accessories
            .Select(a => new AccessoryOffer(a.Sku, a.Name, a.Brand, a.Price, a.Stock, shown[a.Id].FirstOrDefault()?.Text, basketSkus.Contains(a.Sku)))
            .ToList();
    }
}
