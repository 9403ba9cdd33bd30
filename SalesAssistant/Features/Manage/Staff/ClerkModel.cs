namespace SalesAssistant.Features.Manage.Staff;

/// <summary>The form for a new clerk account.</summary>
public sealed class ClerkModel
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>The form for a clerk's new password.</summary>
public sealed class PasswordModel
{
    public string Password { get; set; } = "";
}

public sealed record StaffMember(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut);

/// <summary>One signed-in device, as the Staff page lists it.</summary>
public sealed record DeviceSession(string Id, string Email, string Device, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt);
