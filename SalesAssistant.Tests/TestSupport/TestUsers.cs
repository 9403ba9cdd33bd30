using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SalesAssistant.Accounts;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>The users that <see cref="TestDatabase"/> creates, and signed-in principals for them.</summary>
public static class TestUsers
{
    public const string ClerkId = "clerk-1";
    public const string ClerkEmail = "clerk@store.test";
    public const string ManagerId = "manager-1";
    public const string ManagerEmail = "manager@store.test";

    public static ClaimsPrincipal Principal(string id, string email, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "Test"));

    public static CurrentUser Clerk => new(new FixedAuthenticationState(Principal(ClerkId, ClerkEmail, AppRoles.Clerk)));

    public static CurrentUser Manager => new(new FixedAuthenticationState(Principal(ManagerId, ManagerEmail, AppRoles.Manager)));

    public static CurrentUser Anonymous => new(new FixedAuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    internal static IEnumerable<AppUser> All =>
    [
        new AppUser { Id = ClerkId, UserName = ClerkEmail, Email = ClerkEmail, NormalizedEmail = ClerkEmail.ToUpperInvariant(), NormalizedUserName = ClerkEmail.ToUpperInvariant(), DisplayName = "Clerk" },
        new AppUser { Id = ManagerId, UserName = ManagerEmail, Email = ManagerEmail, NormalizedEmail = ManagerEmail.ToUpperInvariant(), NormalizedUserName = ManagerEmail.ToUpperInvariant(), DisplayName = "Manager" },
    ];

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
