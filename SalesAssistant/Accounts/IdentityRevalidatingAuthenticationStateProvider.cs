using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesAssistant.Data;

namespace SalesAssistant.Accounts;

/// <summary>
/// Re-checks a connected circuit's user every <see cref="SessionOptions.SessionCheckInterval"/>, so a disabled clerk
/// or a changed password signs the tablet out without waiting for the cookie to expire. Disabling and resetting a
/// password change the security stamp; a temporary lockout (failed attempts on another device) does not, and does
/// not sign out the tablets already working.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<SessionOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), authenticationState.User,
            options.Value.ClaimsIdentity.SecurityStampClaimType)
            && await DatabaseTicketStore.ExistsAsync(scope.ServiceProvider.GetRequiredService<SalesDb>(), authenticationState.User, cancellationToken);
    }

    /// <summary>The account still exists, is not disabled, and its security stamp is the one the session was signed in with.</summary>
    internal static async Task<bool> IsStillValidAsync(UserManager<AppUser> users, ClaimsPrincipal principal, string securityStampClaimType)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || AccountStatus.IsDisabled(user))
        {
            return false;
        }
        return principal.FindFirstValue(securityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
