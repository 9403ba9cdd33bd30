using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

public abstract class AccountInitializerTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AccountInitializerTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AccountInitializerTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            db.Users.RemoveRange(db.Users);
            await db.SaveChangesAsync();
        }
        services = IdentityServices.On(database, o => o.Password.RequireNonAlphanumeric = false);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private AccountInitializer Initializer(string? email, string? password) => new(
        services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new ManagerAccountOptions { Email = email, Password = password }),
        NullLogger<AccountInitializer>.Instance);

    [Fact]
    public async Task Without_a_configured_manager_startup_stops_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<AccountSetupException>(() => Initializer(null, null).StartAsync(CancellationToken.None));

        Assert.Contains("Manager__Email", error.Message);
        Assert.Contains("Manager__Password", error.Message);
    }

    [Fact]
    public async Task The_first_manager_is_created_once_from_configuration()
    {
        await Initializer("boss@store.test", "Boss-Password-1").StartAsync(CancellationToken.None);
        await Initializer("other@store.test", "Other-Password-1").StartAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var managers = await users.GetUsersInRoleAsync(AppRoles.Manager);
        Assert.Equal(["boss@store.test"], managers.Select(m => m.Email));
        Assert.True(await users.CheckPasswordAsync(managers[0], "Boss-Password-1"));
    }

    [Fact]
    public async Task A_weak_configured_password_is_refused_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<AccountSetupException>(() => Initializer("boss@store.test", "short").StartAsync(CancellationToken.None));

        Assert.Contains("boss@store.test", error.Message);
    }
}
