using Microsoft.AspNetCore.Identity;

namespace SalesAssistant.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown to colleagues, e.g. on consultations.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The language this user chose (en, it, pl, nl); null: the store's language.</summary>
    public string? Language { get; set; }
}

public static class AppRoles
{
    public const string Manager = "Manager";
    public const string Clerk = "Clerk";

    /// <summary>Who may run the counter flow.</summary>
    public const string CounterStaff = Clerk + "," + Manager;
}
