using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Accounts;

/// <summary>The sign-in cookie's sessions in the database (see <see cref="UserSession"/>), shared by every app server.</summary>
public sealed class DatabaseTicketStore(IDbContextFactory<SalesDb> dbFactory, IHttpContextAccessor http, TimeProvider clock) : ITicketStore
{
    /// <summary>The claim that ties a signed-in principal (and so a tablet's circuit) to its session row.</summary>
    public const string SessionClaim = "sales-assistant/session";

    /// <summary>How stale "last seen" may get before a request writes it again (not a write per request).</summary>
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        WithSessionClaim(ticket.Principal, key);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        // Sessions of devices never seen again would stay forever: every sign-in clears the expired ones.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            Device = ShortText.Cut(http.HttpContext?.Request.Headers.UserAgent.ToString() ?? "", UserSession.DeviceMaxLength),
            SignedInAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // A renewed principal (the security stamp's refresh) comes without the claim: it keeps its session.
        WithSessionClaim(ticket.Principal, key);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var serialized = TicketSerializer.Default.Serialize(ticket);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        // One statement: a session ended meanwhile stays ended, and a row is never renewed for another user.
        var renewed = await db.UserSessions.Where(s => s.Id == key && s.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, serialized).SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc)
                .SetProperty(s => s.LastSeenAt, now));
        if (renewed == 0)
        {
            // Another user's ticket on this key (a sign-in over a device still signed in): the key opens nothing now.
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (session.ExpiresAt < now)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }
        if (now - session.LastSeenAt > LastSeenPrecision)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now));
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Whether the session a principal was signed in with still exists (a principal without one has none).</summary>
    public static async Task<bool> ExistsAsync(SalesDb db, ClaimsPrincipal principal, CancellationToken ct) =>
        principal.FindFirstValue(SessionClaim) is { } key && await db.UserSessions.AnyAsync(s => s.Id == key, ct);

    /// <summary>Keeps the session's claim on a principal that Identity rebuilt (security stamp refresh).</summary>
    public static void CopySessionClaim(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        if (from.FindFirstValue(SessionClaim) is { } key)
        {
            WithSessionClaim(to, key);
        }
    }

    private static void WithSessionClaim(ClaimsPrincipal principal, string key)
    {
        if (principal.Identity is ClaimsIdentity identity && identity.FindFirst(SessionClaim)?.Value != key)
        {
            if (identity.FindFirst(SessionClaim) is { } stale)
            {
                identity.RemoveClaim(stale);
            }
            identity.AddClaim(new Claim(SessionClaim, key));
        }
    }
}
