using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.Staff;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Staff;

public abstract class StaffServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : StaffServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : StaffServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private ServiceProvider services = null!;
    private StaffService staff = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = IdentityServices.On(database, o => o.Lockout.MaxFailedAccessAttempts = 5);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await roles.CreateAsync(new IdentityRole(AppRoles.Manager));
        await roles.CreateAsync(new IdentityRole(AppRoles.Clerk));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(TestUsers.ManagerId))!, AppRoles.Manager);
        await users.AddToRoleAsync((await users.FindByIdAsync(TestUsers.ClerkId))!, AppRoles.Clerk);
        staff = new StaffService(services.GetRequiredService<IServiceScopeFactory>(), TestUsers.Manager);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return !await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, password);
    }

    private static readonly ClerkModel Anna = new() { Email = "anna@store.test", DisplayName = "Anna", Password = "Anna-Counter-1" };

    [Fact]
    public async Task A_manager_creates_a_clerk_who_can_then_sign_in()
    {
        var result = await staff.CreateClerkAsync(Anna);

        Assert.True(result.Succeeded, result.Message);
        var anna = (await staff.ListAsync()).Single(m => m.Email == "anna@store.test");
        Assert.Equal((AppRoles.Clerk, "Anna", false), (anna.Role, anna.DisplayName, anna.IsDisabled));
        Assert.True(await PasswordWorksAsync("anna@store.test", "Anna-Counter-1"));
    }

    [Fact]
    public async Task The_list_is_searched_by_name_or_email()
    {
        await staff.CreateClerkAsync(Anna);

        Assert.Equal(["anna@store.test"], (await staff.ListAsync("ANN")).Select(m => m.Email));
        Assert.Equal([TestUsers.ManagerEmail], (await staff.ListAsync("manager@")).Select(m => m.Email));
        Assert.Equal(3, (await staff.ListAsync()).Count);
    }

    [Fact]
    public async Task The_same_email_twice_is_refused()
    {
        await staff.CreateClerkAsync(Anna);

        var second = await staff.CreateClerkAsync(new ClerkModel { Email = "anna@store.test", DisplayName = "Other Anna", Password = "Anna-Counter-2" });

        Assert.Equal(ChangeOutcome.Invalid, second.Outcome);
        Assert.Contains("already", second.Message);
    }

    [Theory]
    [InlineData("not-an-email", "Anna", "Anna-Counter-1", "not an email")]
    [InlineData("anna@store.test", "", "Anna-Counter-1", "name")]
    [InlineData("anna@store.test", "Anna", "short1A", "10 characters")]
    [InlineData("anna@store.test", "Anna", "alllowercase1", "upper-case")]
    public async Task Invalid_clerk_details_are_refused_and_nothing_is_created(string email, string name, string password, string message)
    {
        var result = await staff.CreateClerkAsync(new ClerkModel { Email = email, DisplayName = name, Password = password });

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Message);
        Assert.Equal(2, (await staff.ListAsync()).Count);
    }

    [Fact]
    public async Task A_disabled_clerk_cannot_sign_in_until_enabled_again()
    {
        await staff.CreateClerkAsync(Anna);
        var id = (await staff.ListAsync()).Single(m => m.Email == "anna@store.test").Id;

        Assert.True((await staff.DisableAsync(id)).Succeeded);
        Assert.False(await PasswordWorksAsync("anna@store.test", "Anna-Counter-1"));
        Assert.True((await staff.ListAsync()).Single(m => m.Id == id).IsDisabled);

        Assert.True((await staff.EnableAsync(id)).Succeeded);
        Assert.True(await PasswordWorksAsync("anna@store.test", "Anna-Counter-1"));
    }

    [Fact]
    public async Task A_manager_unlocks_an_account_that_failed_sign_ins_locked()
    {
        await staff.CreateClerkAsync(Anna);
        var id = (await staff.ListAsync()).Single(m => m.Email == "anna@store.test").Id;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        Assert.True((await staff.ListAsync()).Single(m => m.Id == id).IsLockedOut);

        Assert.True((await staff.UnlockAsync(id)).Succeeded);

        Assert.False((await staff.ListAsync()).Single(m => m.Id == id).IsLockedOut);
        Assert.True(await PasswordWorksAsync("anna@store.test", "Anna-Counter-1"));
        Assert.Equal(ChangeOutcome.NotFound, (await staff.UnlockAsync("no-such-user")).Outcome);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        await staff.CreateClerkAsync(Anna);
        var id = (await staff.ListAsync()).Single(m => m.Email == "anna@store.test").Id;

        Assert.True((await staff.ResetPasswordAsync(id, new PasswordModel { Password = "Fresh-Start-22" })).Succeeded);

        Assert.False(await PasswordWorksAsync("anna@store.test", "Anna-Counter-1"));
        Assert.True(await PasswordWorksAsync("anna@store.test", "Fresh-Start-22"));
    }

    [Fact]
    public async Task Manager_accounts_are_not_disabled_here()
    {
        var result = await staff.DisableAsync(TestUsers.ManagerId);

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task Clerks_and_strangers_cannot_manage_staff()
    {
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new StaffService(services.GetRequiredService<IServiceScopeFactory>(), user);

            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateClerkAsync(Anna));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.DisableAsync(TestUsers.ClerkId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.EnableAsync(TestUsers.ClerkId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ResetPasswordAsync(TestUsers.ClerkId, new PasswordModel { Password = "Fresh-Start-22" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ResetPasswordAsync(TestUsers.ClerkId, new PasswordModel { Password = "x" }));
        }
        Assert.Equal(2, (await staff.ListAsync()).Count);
    }
}
