namespace SalesAssistant.Accounts;

/// <summary>
/// One signed-in device, kept on the server: its cookie holds only <see cref="Id"/> (protected), so signing out,
/// disabling the account or a manager's "sign out this device" deletes the row and the cookie opens nothing any more.
/// </summary>
public sealed class UserSession
{
    public const int DeviceMaxLength = 200;

    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The serialized authentication ticket (claims and expiry; no password or secret of the user).</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>The browser's description of itself, cut to <see cref="DeviceMaxLength"/> characters, for the Staff page.</summary>
    public string Device { get; set; } = "";
    public DateTimeOffset SignedInAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
