using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;

namespace SalesAssistant.Features.Insights;

/// <summary>
/// The dashboard's figures. Every count is an aggregate computed in SQL over the finished consultations in the
/// filter; only the grouped rows (a few per day, family, clerk or product) come back to the app. Manager only.
/// </summary>
public sealed class InsightsService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser)
{
    /// <summary>Longest breakdown tables (products, accessories, talking points) are cut to the rows with the most offers.</summary>
    public const int MaxRows = 50;
    public const int MaxAbTests = 20;
    public const int MaxFamilyChoices = 20;

    public async Task<InsightsFilterChoices> FilterChoicesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clerks = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new FilterChoice(u.Id, u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new FilterChoice(c.Id.ToString(CultureInfo.InvariantCulture), c.Name)).ToListAsync(ct);
        return new InsightsFilterChoices(clerks, categories);
    }

    /// <summary>At most <see cref="MaxFamilyChoices"/> families whose name contains <paramref name="text"/> (any case), by name.</summary>
    public async Task<IReadOnlyList<FilterChoice>> FamilyChoicesAsync(string? text, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var families = db.Families.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var folded = TextFolding.Fold(text);
            families = families.Where(f => f.SearchName.Contains(folded));
        }
        return await families.OrderBy(f => f.Name).Take(MaxFamilyChoices)
            .Select(f => new FilterChoice(f.Id.ToString(CultureInfo.InvariantCulture), f.Name)).ToListAsync(ct);
    }

    public async Task<FilterChoice?> FamilyChoiceAsync(int familyId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Families.AsNoTracking().Where(f => f.Id == familyId)
            .Select(f => new FilterChoice(f.Id.ToString(CultureInfo.InvariantCulture), f.Name)).FirstOrDefaultAsync(ct);
    }

    public async Task<InsightsReport> ReportAsync(InsightsFilter filter, TrendGrain grain = TrendGrain.Day, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (filter.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = Scope(db, filter);
        var facts = Facts(scope);

        var summary = (await TallyByAsync(facts, f => 1, ct)).Select(r => r.Tally).SingleOrDefault() ?? Tally.Empty;
        var demo = await scope.CountAsync(c => c.IsDemo, ct);
        var days = await TallyByAsync(facts, f => f.FinishedOn, ct);
        var families = await TallyByAsync(facts.Where(f => f.FamilyId != null), f => f.FamilyId!.Value, ct);
        var tiers = await TallyByAsync(facts.Where(f => f.Tier != null), f => f.Tier!.Value, ct);
        var clerks = await TallyByAsync(facts, f => f.ClerkId ?? "", ct);
        var chosen = await TallyByAsync(facts, f => f.BaselineProductId, ct);
        var main = await TallyByAsync(facts, f => f.MainProductId, ct);

        var offers = db.Offers.Where(o => scope.Select(c => c.Id).Contains(o.ConsultationId)).WithOutcome();
        var accessories = await offers.Where(o => o.Step == OfferStep.Accessories)
            .GroupBy(o => o.ProductId)
            .Select(g => new { ProductId = g.Key, Offered = g.Count(), Attached = g.Count(o => o.Accepted) })
            .OrderByDescending(r => r.Offered).ThenBy(r => r.ProductId)
            .Take(MaxRows)
            .ToListAsync(ct);

        var productIds = chosen.Select(r => r.Key).Concat(main.Select(r => r.Key)).Concat(accessories.Select(a => a.ProductId)).ToHashSet();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name }).ToDictionaryAsync(p => p.Id, ct);
        var familyIds = families.Select(f => f.Key).ToList();
        var familyNames = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var clerkIds = clerks.Select(c => c.Key).ToList();
        var clerkNames = await db.Users.AsNoTracking().Where(u => clerkIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName, ct);

        string ProductLabel(int id) => products.TryGetValue(id, out var p) ? $"{p.Name} ({p.Sku})" : $"#{id}";
        string ProductKey(int id) => products.TryGetValue(id, out var p) ? p.Sku : id.ToString(CultureInfo.InvariantCulture);

        return new InsightsReport(
            filter,
            grain,
            summary,
            demo,
            Trend(days, filter, grain),
            Rows(families, id => id.ToString(CultureInfo.InvariantCulture), id => familyNames.GetValueOrDefault(id, $"#{id}")),
            Rows(tiers.OrderBy(r => r.Key), id => id.ToString(CultureInfo.InvariantCulture), id => $"{TierLabels.InFiles(id)} (tier {id})"),
            Rows(clerks, id => id, id => id == "" ? "(account removed)" : clerkNames.GetValueOrDefault(id, id)),
            Rows(Top(chosen, t => t.UpsellOffered), ProductKey, ProductLabel),
            Rows(Top(main, t => t.AccessoriesOffered), ProductKey, ProductLabel),
            accessories.Select(a => new AccessoryAttachRow(ProductKey(a.ProductId), products.TryGetValue(a.ProductId, out var p) ? p.Name : "", a.Offered, a.Attached)).ToList(),
            await TalkingPointsAsync(db, offers, ct),
            await AbTestResults.RecentAsync(db, MaxAbTests, ct));
    }

    /// <summary>Deletes every generated demo consultation, till order, A/B test and demo clerk; real data stays.</summary>
    public async Task<int> RemoveDemoHistoryAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Consultations.Where(c => c.IsDemo).ExecuteDeleteAsync(ct);
        await db.SaleOrders.Where(o => o.IsDemo).ExecuteDeleteAsync(ct);
        await db.TalkingPointAbTests.Where(t => t.StartedBy == DemoHistory.DemoHistoryGenerator.StartedBy).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Email!.EndsWith(DemoHistory.DemoHistoryGenerator.DemoEmailDomain)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    /// <summary>Finished consultations in the filter.</summary>
    private static IQueryable<Consultation> Scope(SalesDb db, InsightsFilter filter)
    {
        var scope = db.Consultations.AsNoTracking()
            .Where(c => c.Step == ConsultationStep.Finished && c.FinishedOn >= filter.From && c.FinishedOn <= filter.To);
        if (filter.ClerkId is { } clerkId)
        {
            scope = scope.Where(c => c.ClerkId == clerkId);
        }
        if (filter.CategoryId is { } categoryId)
        {
            scope = scope.Where(c => c.BaselineProduct!.CategoryId == categoryId);
        }
        if (filter.FamilyId is { } familyId)
        {
            scope = scope.Where(c => c.BaselineProduct!.FamilyId == familyId);
        }
        return scope;
    }

    private static IQueryable<ConsultationFacts> Facts(IQueryable<Consultation> scope) => scope.Select(c => new ConsultationFacts
    {
        ClerkId = c.ClerkId,
        FinishedOn = c.FinishedOn!.Value,
        BaselineProductId = c.BaselineProductId,
        FamilyId = c.BaselineProduct!.FamilyId,
        Tier = c.BaselineProduct.Tier,
        MainProductId = c.Lines.Where(l => l.Role == BasketLineRole.Main).Select(l => l.ProductId).FirstOrDefault(),
        UpsellOffered = c.UpsellOutcome == UpsellOutcome.Accepted || c.UpsellOutcome == UpsellOutcome.KeptOriginal || c.UpsellOutcome == UpsellOutcome.StoppedByNegativeReaction,
        UpsellAccepted = c.UpsellOutcome == UpsellOutcome.Accepted,
        UpsellNegative = c.UpsellOutcome == UpsellOutcome.StoppedByNegativeReaction,
        AccessoriesOffered = c.AccessoriesOffered,
        AccessoriesAttached = c.AccessoriesOffered && c.Lines.Any(l => l.Role == BasketLineRole.Accessory),
        AccessoriesNegative = c.AccessoriesStoppedByNegativeReaction,
        BasketMinor = c.Lines.Sum(l => l.UnitPriceMinor),
        BaselineMinor = c.BaselinePriceMinor,
    });

    private static async Task<List<(TKey Key, Tally Tally)>> TallyByAsync<TKey>(
        IQueryable<ConsultationFacts> facts, Expression<Func<ConsultationFacts, TKey>> key, CancellationToken ct)
    {
        var rows = await facts.GroupBy(key).Select(g => new
        {
            g.Key,
            Tally = new Tally
            {
                Consultations = g.Count(),
                UpsellOffered = g.Count(f => f.UpsellOffered),
                UpsellAccepted = g.Count(f => f.UpsellAccepted),
                UpsellNegative = g.Count(f => f.UpsellNegative),
                AccessoriesOffered = g.Count(f => f.AccessoriesOffered),
                AccessoriesAttached = g.Count(f => f.AccessoriesAttached),
                AccessoriesNegative = g.Count(f => f.AccessoriesNegative),
                BasketMinor = g.Sum(f => f.BasketMinor),
                BaselineMinor = g.Sum(f => f.BaselineMinor),
            },
        }).ToListAsync(ct);
        return rows.Select(r => (r.Key, r.Tally)).ToList();
    }

    private static IEnumerable<(TKey Key, Tally Tally)> Top<TKey>(IEnumerable<(TKey Key, Tally Tally)> rows, Func<Tally, int> offers) =>
        rows.Where(r => offers(r.Tally) > 0).OrderByDescending(r => offers(r.Tally)).ThenByDescending(r => r.Tally.Consultations).Take(MaxRows);

    private static List<TallyRow> Rows<TKey>(IEnumerable<(TKey Key, Tally Tally)> rows, Func<TKey, string> key, Func<TKey, string> label) =>
        rows.Select(r => new TallyRow(key(r.Key), label(r.Key), r.Tally)).ToList();

    /// <summary>One row per day or ISO week (Monday first) of the range, empty ones included so a chart's gaps are real.</summary>
    private static List<TallyRow> Trend(List<(DateOnly Key, Tally Tally)> days, InsightsFilter filter, TrendGrain grain)
    {
        var byDay = days.ToDictionary(d => d.Key, d => d.Tally);
        var rows = new List<TallyRow>();
        for (var start = grain == TrendGrain.Week ? WeekStart(filter.From) : filter.From; start <= filter.To; start = start.AddDays(grain == TrendGrain.Week ? 7 : 1))
        {
            var tally = Tally.Empty;
            for (var day = start; day < start.AddDays(grain == TrendGrain.Week ? 7 : 1); day = day.AddDays(1))
            {
                if (day >= filter.From && day <= filter.To && byDay.TryGetValue(day, out var dayTally))
                {
                    tally += dayTally;
                }
            }
            var key = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add(new TallyRow(key, grain == TrendGrain.Week ? $"Week of {start:d MMM}" : start.ToString("ddd d MMM", CultureInfo.InvariantCulture), tally));
        }
        return rows;
    }

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static async Task<IReadOnlyList<TalkingPointRow>> TalkingPointsAsync(SalesDb db, IQueryable<OfferOutcome> offers, CancellationToken ct)
    {
        var perPoint = await db.OfferTalkingPoints
            .Join(offers, p => p.OfferId, o => o.OfferId, (p, o) => new { p.TalkingPointId, o.ProductId, o.Accepted })
            .GroupBy(x => new { x.TalkingPointId, x.ProductId })
            .Select(g => new { g.Key.TalkingPointId, g.Key.ProductId, Shown = g.Count(), Accepted = g.Count(x => x.Accepted) })
            .OrderByDescending(r => r.Shown).ThenBy(r => r.TalkingPointId)
            .Take(MaxRows)
            .ToListAsync(ct);
        if (perPoint.Count == 0)
        {
            return [];
        }
        var productIds = perPoint.Select(p => p.ProductId).Distinct().ToList();
        var perProduct = await offers.Where(o => productIds.Contains(o.ProductId))
            .GroupBy(o => o.ProductId)
            .Select(g => new { ProductId = g.Key, Offers = g.Count(), Accepted = g.Count(o => o.Accepted) })
            .ToDictionaryAsync(r => r.ProductId, ct);
        var pointIds = perPoint.Select(p => p.TalkingPointId).ToList();
        var points = await db.TalkingPoints.AsNoTracking().Where(t => pointIds.Contains(t.Id))
            .Join(db.Products, t => t.ProductId, p => p.Id, (t, p) => new { t.Id, t.Text, t.IsRetired, p.Sku, ProductName = p.Name })
            .ToDictionaryAsync(t => t.Id, ct);

        return perPoint
            .Where(r => points.ContainsKey(r.TalkingPointId))
            .Select(r =>
            {
                var point = points[r.TalkingPointId];
                var product = perProduct[r.ProductId];
                return new TalkingPointRow(r.TalkingPointId, point.Sku, point.ProductName, point.Text, point.IsRetired,
                    r.Shown, r.Accepted, product.Offers - r.Shown, product.Accepted - r.Accepted);
            })
            .OrderBy(r => r.ProductName).ThenByDescending(r => r.Shown)
            .ToList();
    }

    private sealed class ConsultationFacts
    {
        public string? ClerkId { get; init; }
        public DateOnly FinishedOn { get; init; }
        public int BaselineProductId { get; init; }
        public int? FamilyId { get; init; }
        public int? Tier { get; init; }
        public int MainProductId { get; init; }
        public bool UpsellOffered { get; init; }
        public bool UpsellAccepted { get; init; }
        public bool UpsellNegative { get; init; }
        public bool AccessoriesOffered { get; init; }
        public bool AccessoriesAttached { get; init; }
        public bool AccessoriesNegative { get; init; }
        public long BasketMinor { get; init; }
        public long BaselineMinor { get; init; }
    }
}
