using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

/// <summary>What the periodic check of a signed-in tablet (circuit revalidation) keeps and what it ends.</summary>
public abstract class SessionValidationTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : SessionValidationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SessionValidationTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private UserManager<AppUser> users = null!;
    private AppUser clerk = null!;
    private ClaimsPrincipal signedIn = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = IdentityServices.On(database, o => o.Lockout.AllowedForNewUsers = true);
        scope = services.CreateAsyncScope();
        users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        clerk = (await users.FindByIdAsync(TestUsers.ClerkId))!;
        await users.SetLockoutEnabledAsync(clerk, true);
        await users.UpdateSecurityStampAsync(clerk);
        signedIn = await PrincipalAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<ClaimsPrincipal> PrincipalAsync() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, clerk.Id), new Claim(StampClaim, await users.GetSecurityStampAsync(clerk))], "Test"));

    private static string StampClaim => new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;

    private Task<bool> StillValidAsync() => IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, signedIn, StampClaim);

    [Fact]
    public async Task A_working_tablet_stays_signed_in_when_failed_attempts_elsewhere_lock_the_account()
    {
        await users.SetLockoutEndDateAsync(clerk, DateTimeOffset.UtcNow.AddMinutes(15));

        Assert.True(await users.IsLockedOutAsync(clerk));
        Assert.True(await StillValidAsync());
    }

    [Fact]
    public async Task Disabling_the_account_ends_the_session()
    {
        await users.SetLockoutEndDateAsync(clerk, DateTimeOffset.MaxValue);

        Assert.False(await StillValidAsync());
    }

    [Fact]
    public async Task A_password_reset_ends_the_session()
    {
        var token = await users.GeneratePasswordResetTokenAsync(clerk);
        Assert.True((await users.ResetPasswordAsync(clerk, token, "New-Password-2026")).Succeeded);

        Assert.False(await StillValidAsync());
    }
}
