using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.AbTests;

/// <summary>
/// A/B tests of two talking points of one product: a manager starts and ends them; while one runs, clerks lead with one
/// point or the other, alternately (<see cref="AbTestVariants"/>), and the dashboard compares how often each is accepted
/// (<see cref="AbTestResults"/>). One test per product at a time. Every call checks the Manager role.
/// </summary>
public sealed class AbTestService(IDbContextFactory<SalesDb> dbFactory, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<AbTestText> text)
{
    /// <summary>The product's running test, if any.</summary>
    public static Task<RunningAbTest?> RunningAsync(SalesDb db, int productId, CancellationToken ct) =>
        db.TalkingPointAbTests.AsNoTracking()
            .Where(t => t.ProductId == productId && t.EndedAt == null)
            .Select(t => new RunningAbTest(t.Id, t.PointAId, t.PointBId, t.StartedAt, t.StartedBy))
            .FirstOrDefaultAsync(ct);

    /// <summary>Starts a test of two active talking points of one product; <paramref name="pointAId"/> is variant A.</summary>
    public async Task<ChangeResult> StartAsync(int productId, int pointAId, int pointBId, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        if (pointAId == pointBId)
        {
            return ChangeResult.Invalid(text["Choose two different talking points to compare."]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var points = await db.TalkingPoints.Where(t => t.ProductId == productId && !t.IsRetired && (t.Id == pointAId || t.Id == pointBId)).ToListAsync(ct);
        if (points.Count != 2)
        {
            return ChangeResult.Invalid(text["Both talking points must be active points of this product."]);
        }
        if (await db.TalkingPointAbTests.AnyAsync(t => t.ProductId == productId && t.EndedAt == null, ct))
        {
            return ChangeResult.Conflict(text["An A/B test is already running for this product. End it before starting another."]);
        }
        var now = clock.GetUtcNow();
        db.TalkingPointAbTests.Add(new TalkingPointAbTest { ProductId = productId, PointAId = pointAId, PointBId = pointBId, StartedAt = now, StartedBy = manager.Name });
        var a = points.Single(p => p.Id == pointAId);
        var b = points.Single(p => p.Id == pointBId);
        db.TalkingPointChanges.Add(TalkingPointChange.Of(a, TalkingPointChangeKind.AbTestStarted, null, $"A: {a.Text} | B: {b.Text}", manager, now));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ChangeResult.Saved;
        }
        catch (DbUpdateException)
        {
            return ChangeResult.Conflict(text["Another manager started an A/B test for this product a moment ago."]);
        }
    }

    /// <summary>Ends the product's running test; its figures stay on the dashboard.</summary>
    public async Task<ChangeResult> EndAsync(int productId, CancellationToken ct = default)
    {
        var manager = await currentUser.RequireNamedAsync(AppRoles.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EndRunningAsync(db, t => t.ProductId == productId, manager, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return ChangeResult.Saved;
    }

    /// <summary>
    /// Ends, in <paramref name="db"/>'s pending changes, the running tests that match <paramref name="which"/>, with a
    /// history row each: also what retiring one of a test's points does (a test cannot go on without it).
    /// </summary>
    public static async Task EndRunningAsync(SalesDb db, Expression<Func<TalkingPointAbTest, bool>> which, (string Id, string Name) by, DateTimeOffset now, CancellationToken ct)
    {
        var running = await db.TalkingPointAbTests.Include(t => t.PointA).Where(t => t.EndedAt == null).Where(which).ToListAsync(ct);
        foreach (var test in running)
        {
            test.EndedAt = now;
            db.TalkingPointChanges.Add(TalkingPointChange.Of(test.PointA!, TalkingPointChangeKind.AbTestEnded, null, null, by, now));
        }
    }
}
