using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Features.Accounts;

namespace SalesAssistant.Features.Manage.TalkingPoints;

/// <summary>
/// The manager's talking-point editor. Every write checks the Manager role, runs the same validator as the
/// form, keeps a history row, and refuses a change made on stale data (optimistic concurrency on <see cref="TalkingPoint.Version"/>).
/// </summary>
public sealed class TalkingPointService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    private readonly TalkingPointValidator validator = new(clock);

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
        var abTest = await db.TalkingPointAbTests.AsNoTracking()
            .Where(t => t.ProductId == productId && t.EndedAt == null)
            .Select(t => new RunningAbTest(t.Id, t.PointAId, t.PointBId, t.StartedAt, t.StartedBy))
            .FirstOrDefaultAsync(ct);
        return new ProductAdvice(product.Id, product.Sku, product.Name, points.Where(p => !p.IsRetired).ToList(), points.Where(p => p.IsRetired).ToList(), abTest);
    }

    /// <summary>
    /// Starts an A/B test of two active talking points of one product: from now on clerks lead with one or the other,
    /// alternately, and the dashboard compares how often each is accepted. One test per product at a time.
    /// </summary>
    public async Task<ManageResult> StartAbTestAsync(int productId, int pointAId, int pointBId, CancellationToken ct = default)
    {
        var manager = await RequireManagerAsync();
        if (pointAId == pointBId)
        {
            return ManageResult.Invalid("Choose two different talking points to compare.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var points = await db.TalkingPoints.Where(t => t.ProductId == productId && !t.IsRetired && (t.Id == pointAId || t.Id == pointBId)).ToListAsync(ct);
        if (points.Count != 2)
        {
            return ManageResult.Invalid("Both talking points must be active points of this product.");
        }
        if (await db.TalkingPointAbTests.AnyAsync(t => t.ProductId == productId && t.EndedAt == null, ct))
        {
            return ManageResult.Conflict("An A/B test is already running for this product. End it before starting another.");
        }
        var now = clock.GetUtcNow();
        db.TalkingPointAbTests.Add(new TalkingPointAbTest { ProductId = productId, PointAId = pointAId, PointBId = pointBId, StartedAt = now, StartedBy = manager.Name });
        var a = points.Single(p => p.Id == pointAId);
        var b = points.Single(p => p.Id == pointBId);
        Record(db, manager, a, TalkingPointChangeKind.AbTestStarted, null, $"A: {a.Text} | B: {b.Text}", now);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ManageResult.Saved;
        }
        catch (DbUpdateException)
        {
            return ManageResult.Conflict("Another manager started an A/B test for this product a moment ago.");
        }
    }

    /// <summary>Ends the product's running A/B test; its figures stay on the dashboard.</summary>
    public async Task<ManageResult> EndAbTestAsync(int productId, CancellationToken ct = default)
    {
        var manager = await RequireManagerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await EndRunningAbTestsAsync(db, manager, t => t.ProductId == productId, now, ct);
        await db.SaveChangesAsync(ct);
        return ManageResult.Saved;
    }

    private static async Task EndRunningAbTestsAsync(
        SalesDb db, (string Id, string Name) manager, System.Linq.Expressions.Expression<Func<TalkingPointAbTest, bool>> which, DateTimeOffset now, CancellationToken ct)
    {
        var running = await db.TalkingPointAbTests.Include(t => t.PointA).Where(t => t.EndedAt == null).Where(which).ToListAsync(ct);
        foreach (var test in running)
        {
            test.EndedAt = now;
            Record(db, manager, test.PointA!, TalkingPointChangeKind.AbTestEnded, null, null, now);
        }
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

    public async Task<ManageResult> AddAsync(int productId, TalkingPointModel model, CancellationToken ct = default)
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
            return ManageResult.NotFound;
        }
        var active = await db.TalkingPoints.Where(t => t.ProductId == productId && !t.IsRetired).ToListAsync(ct);
        if (active.Count >= CatalogLimits.MaxTalkingPoints)
        {
            return ManageResult.Invalid($"A product has at most {CatalogLimits.MaxTalkingPoints} talking points: retire one first.");
        }
        var now = clock.GetUtcNow();
        var point = new TalkingPoint
        {
            ProductId = productId,
            Text = model.Text.Trim(),
            Position = active.Count == 0 ? 0 : active.Max(t => t.Position) + 1,
            UpdatedAt = now,
            ReviewBy = ReviewBy(model, now),
            Version = 1,
        };
        db.TalkingPoints.Add(point);
        await db.SaveChangesAsync(ct);
        Record(db, manager, point, TalkingPointChangeKind.Added, null, point.Text, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ManageResult.Saved;
    }

    public Task<ManageResult> EditAsync(int pointId, int version, TalkingPointModel model, CancellationToken ct = default) =>
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
            Record(db, manager, point, TalkingPointChangeKind.Edited, before, point.Text, now);
            return ManageResult.Saved;
        }, ct);

    /// <summary>Moves an active point one place up (<paramref name="offset"/> -1) or down (+1) among the product's active points.</summary>
    public Task<ManageResult> MoveAsync(int pointId, int version, int offset, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (point.IsRetired)
            {
                return ManageResult.Invalid("A retired talking point has no place in the order.");
            }
            var siblings = await db.TalkingPoints.Where(t => t.ProductId == point.ProductId && !t.IsRetired)
                .OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
            var index = siblings.FindIndex(t => t.Id == point.Id);
            var target = index + Math.Sign(offset);
            if (target < 0 || target >= siblings.Count)
            {
                return ManageResult.Saved;
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
            Record(db, manager, point, TalkingPointChangeKind.Moved, $"{index + 1}", $"{target + 1}", now);
            return ManageResult.Saved;
        }, ct);

    public Task<ManageResult> RetireAsync(int pointId, int version, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (!point.IsRetired)
            {
                point.IsRetired = true;
                Record(db, manager, point, TalkingPointChangeKind.Retired, point.Text, null, now);
                // A test cannot go on without one of its two points.
                await EndRunningAbTestsAsync(db, manager, t => t.PointAId == pointId || t.PointBId == pointId, now, ct);
            }
            return ManageResult.Saved;
        }, ct);

    public Task<ManageResult> RestoreAsync(int pointId, int version, CancellationToken ct = default) =>
        ChangeAsync(pointId, version, async (db, point, manager, now) =>
        {
            if (!point.IsRetired)
            {
                return ManageResult.Saved;
            }
            var active = await db.TalkingPoints.Where(t => t.ProductId == point.ProductId && !t.IsRetired).ToListAsync(ct);
            if (active.Count >= CatalogLimits.MaxTalkingPoints)
            {
                return ManageResult.Invalid($"A product has at most {CatalogLimits.MaxTalkingPoints} talking points: retire one first.");
            }
            point.IsRetired = false;
            point.Position = active.Count == 0 ? 0 : active.Max(t => t.Position) + 1;
            Record(db, manager, point, TalkingPointChangeKind.Restored, null, point.Text, now);
            return ManageResult.Saved;
        }, ct);

    private async Task<ManageResult> ChangeAsync(
        int pointId, int version, Func<SalesDb, TalkingPoint, (string Id, string Name), DateTimeOffset, Task<ManageResult>> change, CancellationToken ct)
    {
        var manager = await RequireManagerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var point = await db.TalkingPoints.FirstOrDefaultAsync(t => t.Id == pointId, ct);
        if (point is null)
        {
            return ManageResult.NotFound;
        }
        if (point.Version != version)
        {
            return ConflictWith(point);
        }

        var result = await change(db, point, manager, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return result;
        }
        // The token the editor saw is the one the UPDATE must still find; a concurrent save makes it fail.
        db.Entry(point).Property(t => t.Version).OriginalValue = version;
        point.Version = version + 1;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ManageResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await fresh.TalkingPoints.AsNoTracking().FirstOrDefaultAsync(t => t.Id == pointId, ct);
            return current is null ? ManageResult.NotFound : ConflictWith(current);
        }
    }

    private static ManageResult ConflictWith(TalkingPoint current) => ManageResult.Conflict(
        $"Someone else changed this talking point while you were editing. It now reads: “{current.Text}”{(current.IsRetired ? " (retired)" : "")}. Your change was not saved; check it and try again.");

    private async Task<ManageResult?> InvalidAsync(TalkingPointModel model)
    {
        var result = await validator.ValidateAsync(model);
        return result.IsValid ? null : ManageResult.Invalid(string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }

    private static DateTimeOffset ReviewBy(TalkingPointModel model, DateTimeOffset now) =>
        model.ReviewBy is { } date ? new DateTimeOffset(date.Date, TimeSpan.Zero) : now + TalkingPoint.ReviewInterval;

    private Task<(string Id, string Name)> RequireManagerAsync() => currentUser.RequireNamedAsync(AppRoles.Manager);

    private static void Record(SalesDb db, (string Id, string Name) manager, TalkingPoint point, TalkingPointChangeKind kind, string? before, string? after, DateTimeOffset now) =>
        db.TalkingPointChanges.Add(new TalkingPointChange
        {
            TalkingPointId = point.Id,
            ProductId = point.ProductId,
            Kind = kind,
            Before = before,
            After = after,
            ChangedById = manager.Id,
            ChangedBy = manager.Name,
            ChangedAt = now,
        });
}
