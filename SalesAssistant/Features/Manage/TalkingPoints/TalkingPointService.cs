using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.AbTests;

namespace SalesAssistant.Features.Manage.TalkingPoints;

/// <summary>
/// The manager's talking-point editor. Every write checks the Manager role, runs the same validator as the
/// form, keeps a history row, and refuses a change made on stale data (<see cref="VersionedSave"/>). A/B tests of
/// the points are started and ended by <see cref="AbTestService"/>.
/// </summary>
public sealed class TalkingPointService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock,
    IStringLocalizer<ManageText>? text = null)
{
    private readonly IStringLocalizer<ManageText> L = text ?? ManageText.Standalone;
    private readonly TalkingPointValidator validator = new(clock, text ?? ManageText.Standalone);

    public async Task<ProductAdvice?> GetAsync(int productId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Id, p.Sku, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }
        var points = await db.TalkingPoints.AsNoTracking()
            .Where(t => t.ProductId == productId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new TalkingPointView(t.Id, t.Text, t.Position, t.IsRetired, t.ReviewBy, t.UpdatedAt, t.Version, t.ReviewBy <= now))
            .ToListAsync(ct);
        var abTest = await AbTestService.RunningAsync(db, productId, ct);
        return new ProductAdvice(product.Id, product.Sku, product.Name, points.Where(p => !p.IsRetired).ToList(), points.Where(p => p.IsRetired).ToList(), abTest);
    }

    public async Task<IReadOnlyList<TalkingPointChangeView>> HistoryAsync(int productId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TalkingPointChanges.AsNoTracking()
            .Where(c => c.ProductId == productId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(200)
            .Select(c => new TalkingPointChangeView(c.ChangedAt, c.ChangedBy, c.Kind, c.Before, c.After))
            .ToListAsync(ct);
    }

    public async Task<ChangeResult> AddAsync(int productId, TalkingPointModel model, CancellationToken ct = default)
    {
        var manager = await RequireManagerAsync();
        if (await InvalidAsync(model) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return ChangeResult.NotFound;
        }
        var active = await db.TalkingPoints.Where(t => t.ProductId == productId && !t.IsRetired).ToListAsync(ct);
        if (active.Count >= CatalogLimits.MaxTalkingPoints)
        {
            return ChangeResult.Invalid(L["A product has at most {0} talking points: retire one first.", CatalogLimits.MaxTalkingPoints]);
        }
        var now = clock.GetUtcNow();
        var point = TalkingPoint.New(productId, model.Text.Trim(), active.Count == 0 ? 0 : active.Max(t => t.Position) + 1, now, ReviewBy(model, now), version: 1);
        db.TalkingPoints.Add(point);
        db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Added, null, point.Text, manager, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ChangeResult.Saved;
    }

    public Task<ChangeResult> EditAsync(int pointId, int version, TalkingPointModel model, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (await InvalidAsync(model) is { } invalid)
            {
                return invalid;
            }
            var before = point.Text;
            point.Text = model.Text.Trim();
            point.ReviewBy = ReviewBy(model, now);
            point.UpdatedAt = now;
            db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Edited, before, point.Text, manager, now));
            return ChangeResult.Saved;
        }, ct);

    /// <summary>Moves an active point one place up (<paramref name="offset"/> -1) or down (+1) among the product's active points.</summary>
    public Task<ChangeResult> MoveAsync(int pointId, int version, int offset, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (point.IsRetired)
            {
                return ChangeResult.Invalid(L["A retired talking point has no place in the order."]);
            }
            var siblings = await db.TalkingPoints.Where(t => t.ProductId == point.ProductId && !t.IsRetired)
                .OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
            var index = siblings.FindIndex(t => t.Id == point.Id);
            var target = index + Math.Sign(offset);
            if (target < 0 || target >= siblings.Count)
            {
                return ChangeResult.Saved;
            }
            siblings.RemoveAt(index);
            siblings.Insert(target, point);
            for (var i = 0; i < siblings.Count; i++)
            {
                if (siblings[i].Position != i)
                {
                    siblings[i].Position = i;
                    if (siblings[i] != point)
                    {
                        siblings[i].Version++;
                    }
                }
            }
            db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Moved, $"{index + 1}", $"{target + 1}", manager, now));
            return ChangeResult.Saved;
        }, ct);

    public Task<ChangeResult> RetireAsync(int pointId, int version, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (!point.IsRetired)
            {
                point.IsRetired = true;
                db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Retired, point.Text, null, manager, now));
                // A test cannot go on without one of its two points.
                await AbTestService.EndRunningAsync(db, t => t.PointAId == pointId || t.PointBId == pointId, manager, now, ct);
            }
            return ChangeResult.Saved;
        }, ct);

    public Task<ChangeResult> RestoreAsync(int pointId, int version, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (!point.IsRetired)
            {
                return ChangeResult.Saved;
            }
            var active = await db.TalkingPoints.Where(t => t.ProductId == point.ProductId && !t.IsRetired).ToListAsync(ct);
            if (active.Count >= CatalogLimits.MaxTalkingPoints)
            {
                return ChangeResult.Invalid(L["A product has at most {0} talking points: retire one first.", CatalogLimits.MaxTalkingPoints]);
            }
            point.IsRetired = false;
            point.Position = active.Count == 0 ? 0 : active.Max(t => t.Position) + 1;
            db.TalkingPointChanges.Add(TalkingPointChange.Of(point, TalkingPointChangeKind.Restored, null, point.Text, manager, now));
            return ChangeResult.Saved;
        }, ct);

    private async Task<ChangeResult> ChangeAsync(
        int pointId, int version, Func<SalesDb, TalkingPoint, (string Id, string Name), DateTimeOffset, Task<ChangeResult>> change, CancellationToken ct)
    {
        var manager = await RequireManagerAsync();
        return await VersionedSave.ChangeAsync(dbFactory,
            db => db.TalkingPoints.FirstOrDefaultAsync(t => t.Id == pointId, ct),
            version,
            (db, point) => change(db, point, manager, clock.GetUtcNow()),
            ConflictWith, ct);
    }

    private ChangeResult ConflictWith(TalkingPoint current) => ChangeResult.Conflict(current.IsRetired
        ? L["Someone else changed this talking point while you were editing. It now reads: “{0}” (retired). Your change was not saved; check it and try again.", current.Text]
        : L["Someone else changed this talking point while you were editing. It now reads: “{0}”. Your change was not saved; check it and try again.", current.Text]);

    private async Task<ChangeResult?> InvalidAsync(TalkingPointModel model) => ChangeResult.UnlessValid(await validator.ValidateAsync(model));

    private static DateTimeOffset ReviewBy(TalkingPointModel model, DateTimeOffset now) =>
        model.ReviewBy is { } date ? new DateTimeOffset(date.Date, TimeSpan.Zero) : now + TalkingPoint.ReviewInterval;

    private Task<(string Id, string Name)> RequireManagerAsync() => currentUser.RequireNamedAsync(AppRoles.Manager);
}
