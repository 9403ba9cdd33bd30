namespace SalesAssistant.Accounts;

/// <summary>
/// A disabled account is locked out for good (its lockout ends at <see cref="DateTimeOffset.MaxValue"/>), which tells
/// it apart from a few minutes' lockout after failed sign-ins.
/// </summary>
public static class AccountStatus
{
    public static bool IsDisabled(AppUser user) => user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(10);
}
