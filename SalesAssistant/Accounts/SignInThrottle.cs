using System.Threading.RateLimiting;

namespace SalesAssistant.Accounts;

/// <summary>
/// Failed sign-ins per client address, with .NET's rate limiter: after <see cref="MaxFailures"/> failures in a minute
/// from one address, sign-in from it is refused (HTTP 429) until the minute is over. Successful sign-ins are not
/// counted, so twenty tablets behind one shop router signing in at opening time are never held up.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = MaxFailures,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when the address used up its failures of this minute.</summary>
    public bool IsBlocked(string address) => failures.GetStatistics(address)?.CurrentAvailablePermits is 0;

    public void RecordFailure(string address)
    {
        using var _ = failures.AttemptAcquire(address);
    }

    public void Dispose() => failures.Dispose();
}
