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
        // Without --password it is read from standard input, so it stays out of the process list and shell history.
        var password = Option(args, "--password") ?? (Console.IsInputRedirected || args.Contains("--password-stdin") ? Console.ReadLine() : null);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("usage: dotnet SalesAssistant.dll reset-manager --email <manager's email> [--password <new password>] (or the password on standard input)");
            return 2;
        }
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<SalesDb>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // Run from the wrong folder, the settings point at a database that is not there: change nothing.
            if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && !File.Exists(file))
            {
                return await FailAsync($"there is no database at {file}: run it where the app runs, with its settings (ConnectionStrings__Catalog)");
            }
        }

        var migrator = ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services);
        await migrator.StartAsync(CancellationToken.None);
        await migrator.StopAsync(CancellationToken.None);
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
            // Without a reset token: that would need the data-protection keys, which may be encrypted with a certificate.
            // The new password is checked first, so a refused one leaves the old in place.
            foreach (var validator in users.PasswordValidators)
            {
                if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } refused)
                {
                    return await FailAsync(string.Join(" ", refused.Errors.Select(e => e.Description)));
                }
            }
            result = await users.RemovePasswordAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password);
            }
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
        await users.UpdateSecurityStampAsync(user);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
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
