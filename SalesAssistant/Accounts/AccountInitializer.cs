using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SalesAssistant.Accounts;

/// <summary>
/// At startup: creates the roles, and the first manager from configuration (<c>Manager:Email</c>,
/// <c>Manager:Password</c>) when no manager exists yet. Runs after the catalog initializer has migrated the database.
/// </summary>
public sealed class AccountInitializer(
    IServiceScopeFactory scopeFactory,
    IOptions<ManagerAccountOptions> options,
    ILogger<AccountInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { AppRoles.Manager, AppRoles.Clerk })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(AppRoles.Manager)).Count > 0)
        {
            return;
        }

        var (email, password) = (options.Value.Email?.Trim(), options.Value.Password);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new AccountSetupException(
                "No manager account exists yet. Set Manager:Email and Manager:Password (environment variables Manager__Email and Manager__Password) to create the first one.");
        }

        var manager = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Manager" };
        Check(await users.CreateAsync(manager, password), $"create the manager account {email}");
        Check(await users.AddToRoleAsync(manager, AppRoles.Manager), $"give {email} the Manager role");
        logger.LogInformation("Created the first manager account {Email}", email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new AccountSetupException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>The accounts cannot be set up from the configuration (no first manager, a refused password): startup stops with this message.</summary>
public sealed class AccountSetupException(string message) : InvalidOperationException(message);
