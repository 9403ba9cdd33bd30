using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Accounts;

/// <summary>
/// <c>dotnet SalesAssistant.dll reset-manager --email E --password P</c>, run by an operator on the server when the
/// only manager is locked out or forgot the password: the account gets the password, is unlocked (and enabled) and
/// has the Manager role; created if it does not exist. Its other sessions end. The web server is not started.
/// </summary>
public static class ResetManagerCommand
{
    public const string Name = "reset-manager";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email")?.Trim();
        var password = Option(args, "--password");
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("usage: dotnet SalesAssistant.dll reset-manager --email <manager's email> --password <new password>");
            return 2;
        }

        await new DatabaseMigrator(app.Services.GetRequiredService<IDbContextFactory<SalesDb>>()).StartAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in new[] { AppRoles.Manager, AppRoles.Clerk })
        {
            if (!await roles.RoleExistsAsync(role) && !(await roles.CreateAsync(new IdentityRole(role))).Succeeded)
            {
                return await FailAsync($"could not create the role {role}");
            }
        }

        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Manager" };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        }
        if (!result.Succeeded)
        {
            return await FailAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (!await users.IsInRoleAsync(user, AppRoles.Manager))
        {
            await users.AddToRoleAsync(user, AppRoles.Manager);
        }
        Console.WriteLine($"{email} is a manager with the new password and can sign in now.");
        return 0;
    }

    private static async Task<int> FailAsync(string why)
    {
        await Console.Error.WriteLineAsync($"reset-manager: nothing changed: {why}");
        return 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
