using System.Security.Claims;
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
        return new ProductAdvice(product.Id, product.Sku, product.Name, points.Where(p => !p.IsRetired).ToList(), points.Where(p => p.IsRetired).ToList());
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
        ChangeAsync(pointId, version, (db, point, manager, now) =>
        {
            if (!point.IsRetired)
            {
                point.IsRetired = true;
                Record(db, manager, point, TalkingPointChangeKind.Retired, point.Text, null, now);
            }
            return Task.FromResult(ManageResult.Saved);
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

    private async Task<(string Id, string Name)> RequireManagerAsync()
    {
        var id = await currentUser.RequireAsync(AppRoles.Manager);
        var user = await currentUser.GetAsync();
        return (id, user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.Email) ?? id);
    }

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
