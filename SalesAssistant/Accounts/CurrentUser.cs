using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SalesAssistant.Accounts;

/// <summary>The signed-in user of this circuit or request; services use it to enforce roles on the server.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<ClaimsPrincipal> GetAsync() => (await authenticationState.GetAuthenticationStateAsync()).User;

    /// <summary>The user's id when they are signed in with one of <paramref name="roles"/> (comma-separated); throws otherwise.</summary>
    public async Task<string> RequireAsync(string roles)
    {
        var user = await GetAsync();
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || id is null || !roles.Split(',').Any(user.IsInRole))
        {
            throw new UnauthorizedAccessException($"This needs a signed-in user with the role {roles.Replace(",", " or ", StringComparison.Ordinal)}.");
        }
        return id;
    }

    /// <summary>Like <see cref="RequireAsync"/>, with the name history rows show for the user.</summary>
    public async Task<(string Id, string Name)> RequireNamedAsync(string roles)
    {
        var id = await RequireAsync(roles);
        var user = await GetAsync();
        return (id, user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.Email) ?? id);
    }
}
