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
        (ticket.Principal.Identity as ClaimsIdentity)?.AddClaim(new Claim(SessionClaim, key));
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
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            return; // Ended meanwhile: it stays ended.
        }
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
        session.ExpiresAt = ticket.Properties.ExpiresUtc;
        session.LastSeenAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
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
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync();
            return null;
        }
        if (now - session.LastSeenAt > LastSeenPrecision)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Whether the session a principal was signed in with still exists (true for a principal without one).</summary>
    public static async Task<bool> ExistsAsync(SalesDb db, ClaimsPrincipal principal, CancellationToken ct) =>
        principal.FindFirstValue(SessionClaim) is not { } key || await db.UserSessions.AnyAsync(s => s.Id == key, ct);
}
