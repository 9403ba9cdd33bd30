using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Manage.Staff;

/// <summary>
/// Managers create, disable, enable and reset clerk accounts. Each call runs in its own scope so the
/// Identity stores never hold a long-lived context in a circuit.
/// </summary>
public sealed class StaffService(IServiceScopeFactory scopeFactory, CurrentUser currentUser, IStringLocalizer<ManageText>? text = null)
{
    private readonly IStringLocalizer<ManageText> L = text ?? ManageText.Standalone;
    private readonly ClerkValidator clerkRules = new(text ?? ManageText.Standalone);
    private readonly PasswordValidator passwordRules = new(text ?? ManageText.Standalone);

    public const int MaxListed = 200;

    /// <summary>Staff whose email or name contains <paramref name="term"/>, at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(string? term = null, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var managers = (await users.GetUsersInRoleAsync(AppRoles.Manager)).Select(u => u.Id).ToHashSet();
        var now = DateTimeOffset.UtcNow;
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var upper = term.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }
        var all = await query.OrderBy(u => u.Email).Take(MaxListed).ToListAsync(ct);
        return all.Select(u => new StaffMember(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                managers.Contains(u.Id) ? AppRoles.Manager : AppRoles.Clerk,
                AccountStatus.IsDisabled(u),
                !AccountStatus.IsDisabled(u) && u.LockoutEnd > now))
            .ToList();
    }

    public async Task<ChangeResult> CreateClerkAsync(ClerkModel model, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        if (ChangeResult.UnlessValid(await clerkRules.ValidateAsync(model, ct)) is { } invalid)
        {
            return invalid;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = model.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ChangeResult.Invalid(L["There is already an account for {0}.", email]);
        }
        var clerk = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = model.DisplayName.Trim() };
        var created = await users.CreateAsync(clerk, model.Password);
        if (!created.Succeeded)
        {
            return ChangeResult.From(created);
        }
        await users.AddToRoleAsync(clerk, AppRoles.Clerk);
        return ChangeResult.Saved;
    }

    /// <summary>Disabled clerks cannot sign in, and every device they are signed in on is signed out (within a minute for an open page).</summary>
    public async Task<ChangeResult> DisableAsync(string userId, CancellationToken ct = default) =>
        await EndingSessionsAsync(userId, await ChangeClerkAsync(userId, async (users, clerk) =>
        {
            await users.SetLockoutEnabledAsync(clerk, true);
            await users.SetLockoutEndDateAsync(clerk, DateTimeOffset.MaxValue);
            return await users.UpdateSecurityStampAsync(clerk);
        }), ct);

    /// <summary>The devices signed in now, most recently seen first, at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<DeviceSession>> SessionsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesDb>();
        return await db.UserSessions.AsNoTracking()
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u.Email })
            .OrderByDescending(x => x.s.LastSeenAt)
            .Take(MaxListed)
            .Select(x => new DeviceSession(x.s.Id, x.Email ?? "", x.s.Device, x.s.SignedInAt, x.s.LastSeenAt))
            .ToListAsync(ct);
    }

    /// <summary>"Sign out this device": its session is deleted, its cookie opens nothing, an open page is signed out within a minute.</summary>
    public async Task<ChangeResult> EndSessionAsync(string sessionId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var scope = scopeFactory.CreateAsyncScope();
        var ended = await scope.ServiceProvider.GetRequiredService<SalesDb>().UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
        return ended == 0 ? ChangeResult.NotFound : ChangeResult.Saved;
    }

    /// <summary>After a change that must sign a user out everywhere: all their sessions are deleted.</summary>
    private async Task<ChangeResult> EndingSessionsAsync(string userId, ChangeResult change, CancellationToken ct)
    {
        if (change.Succeeded)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SalesDb>().UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        }
        return change;
    }

    public Task<ChangeResult> EnableAsync(string userId, CancellationToken ct = default) =>
        ChangeClerkAsync(userId, async (users, clerk) =>
        {
            await users.SetLockoutEndDateAsync(clerk, null);
            return await users.ResetAccessFailedCountAsync(clerk);
        });

    /// <summary>Ends the lockout that failed sign-ins caused (any account, another manager's too); a disabled account is enabled instead.</summary>
    public async Task<ChangeResult> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return ChangeResult.NotFound;
        }
        if (AccountStatus.IsDisabled(user))
        {
            return ChangeResult.Invalid(L["This account is disabled: enable it instead."]);
        }
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        return ChangeResult.From(unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked);
    }

    public async Task<ChangeResult> ResetPasswordAsync(string userId, PasswordModel model, CancellationToken ct = default)
    {
        if (ChangeResult.UnlessValid(await passwordRules.ValidateAsync(model, ct)) is { } invalid)
        {
            await currentUser.RequireAsync(AppRoles.Manager);
            return invalid;
        }
        return await EndingSessionsAsync(userId, await ChangeClerkAsync(userId, async (users, clerk) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(clerk);
            var reset = await users.ResetPasswordAsync(clerk, token, model.Password);
            if (reset.Succeeded)
            {
                await users.SetLockoutEndDateAsync(clerk, AccountStatus.IsDisabled(clerk) ? DateTimeOffset.MaxValue : null);
                await users.ResetAccessFailedCountAsync(clerk);
            }
            return reset;
        }), ct);
    }

    private async Task<ChangeResult> ChangeClerkAsync(string userId, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await currentUser.RequireAsync(AppRoles.Manager);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clerk = await users.FindByIdAsync(userId);
        if (clerk is null)
        {
            return ChangeResult.NotFound;
        }
        if (await users.IsInRoleAsync(clerk, AppRoles.Manager))
        {
            return ChangeResult.Invalid(L["Manager accounts are not changed here."]);
        }
        var result = await change(users, clerk);
        return ChangeResult.From(result);
    }
}
