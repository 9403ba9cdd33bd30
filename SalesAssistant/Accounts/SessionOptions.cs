namespace SalesAssistant.Accounts;

/// <summary>Configuration section <c>Accounts</c>: how quickly a change to an account reaches the devices signed in with it.</summary>
public sealed class SessionOptions
{
    public const string Section = "Accounts";

    /// <summary>The longest allowed check interval: a disabled clerk or a reset password ends their sessions within it.</summary>
    public static readonly TimeSpan MaxCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a signed-in device's account is checked again (the cookie's security stamp on requests, the open
    /// circuit of a tablet): disabling a user, resetting their password or signing them out everywhere takes effect
    /// within it. At most one minute.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = MaxCheckInterval;
}
