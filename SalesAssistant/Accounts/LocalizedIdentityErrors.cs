using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Accounts;

/// <summary>
/// Identity's error messages (a password too short, an email already taken) in the current language, so the Staff page
/// shows them as it shows its own. The codes stay Identity's; the English texts are Identity's own.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> L) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Say(base.DefaultError(), L["An unknown failure has occurred."]);

    public override IdentityError ConcurrencyFailure() => Say(base.ConcurrencyFailure(), L["Optimistic concurrency failure, object has been modified."]);

    public override IdentityError PasswordMismatch() => Say(base.PasswordMismatch(), L["Incorrect password."]);

    public override IdentityError InvalidToken() => Say(base.InvalidToken(), L["Invalid token."]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Say(base.RecoveryCodeRedemptionFailed(), L["Recovery code redemption failed."]);

    public override IdentityError LoginAlreadyAssociated() => Say(base.LoginAlreadyAssociated(), L["A user with this login already exists."]);

    public override IdentityError InvalidUserName(string? userName) =>
        Say(base.InvalidUserName(userName), L["Username '{0}' is invalid, can only contain letters or digits.", userName ?? ""]);

    public override IdentityError InvalidEmail(string? email) => Say(base.InvalidEmail(email), L["Email '{0}' is invalid.", email ?? ""]);

    public override IdentityError DuplicateUserName(string userName) => Say(base.DuplicateUserName(userName), L["Username '{0}' is already taken.", userName]);

    public override IdentityError DuplicateEmail(string email) => Say(base.DuplicateEmail(email), L["Email '{0}' is already taken.", email]);

    public override IdentityError InvalidRoleName(string? role) => Say(base.InvalidRoleName(role), L["Role name '{0}' is invalid.", role ?? ""]);

    public override IdentityError DuplicateRoleName(string role) => Say(base.DuplicateRoleName(role), L["Role name '{0}' is already taken.", role]);

    public override IdentityError UserAlreadyHasPassword() => Say(base.UserAlreadyHasPassword(), L["User already has a password set."]);

    public override IdentityError UserLockoutNotEnabled() => Say(base.UserLockoutNotEnabled(), L["Lockout is not enabled for this user."]);

    public override IdentityError UserAlreadyInRole(string role) => Say(base.UserAlreadyInRole(role), L["User already in role '{0}'.", role]);

    public override IdentityError UserNotInRole(string role) => Say(base.UserNotInRole(role), L["User is not in role '{0}'.", role]);

    public override IdentityError PasswordTooShort(int length) => Say(base.PasswordTooShort(length), L.Plural("Passwords must be at least {0} characters.", length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Say(base.PasswordRequiresUniqueChars(uniqueChars), L.Plural("Passwords must use at least {0} different characters.", uniqueChars));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Say(base.PasswordRequiresNonAlphanumeric(), L["Passwords must have at least one non alphanumeric character."]);

    public override IdentityError PasswordRequiresDigit() => Say(base.PasswordRequiresDigit(), L["Passwords must have at least one digit ('0'-'9')."]);

    public override IdentityError PasswordRequiresLower() => Say(base.PasswordRequiresLower(), L["Passwords must have at least one lowercase ('a'-'z')."]);

    public override IdentityError PasswordRequiresUpper() => Say(base.PasswordRequiresUpper(), L["Passwords must have at least one uppercase ('A'-'Z')."]);

    /// <summary>Identity's error (its code) with the translated description.</summary>
    private static IdentityError Say(IdentityError error, string description)
    {
        error.Description = description;
        return error;
    }
}
