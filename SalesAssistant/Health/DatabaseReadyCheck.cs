using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesAssistant.Data;

namespace SalesAssistant.Health;

/// <summary>
/// Ready when the database answers and has every migration this build knows. A database that cannot be reached throws,
/// which the health check service reports as Unhealthy (and logs).
/// </summary>
public sealed class DatabaseReadyCheck(IDbContextFactory<SalesDb> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending.Count} migrations not applied, the first {pending[0]}");
    }
}
