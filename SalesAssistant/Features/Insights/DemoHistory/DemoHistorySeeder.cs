using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog;
using SalesAssistant.Data;

namespace SalesAssistant.Features.Insights.DemoHistory;

/// <summary>At startup, when <c>DemoHistory:Enabled</c> is true: fills an empty history with demo data (see <see cref="DemoHistoryGenerator"/>).</summary>
public sealed class DemoHistorySeeder(
    IDbContextFactory<SalesDb> dbFactory, IOptions<DemoHistoryOptions> options, TimeProvider clock, ILogger<DemoHistorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await DemoHistoryGenerator.FillAsync(db, settings, clock.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case DemoHistoryOutcome.Generated:
                logger.LogWarning("Generated demo history: {Consultations} consultations and {Orders} till orders over {Days} days (seed {Seed}). They are marked as demo on the dashboard.",
                    settings.Consultations, settings.TillOrders, settings.Days, settings.Seed);
                break;
            case DemoHistoryOutcome.RefusedRealDataExists:
                logger.LogWarning("DemoHistory:Enabled is set but the database already holds real consultations or sales; no demo history was added.");
                break;
            case DemoHistoryOutcome.EmptyCatalog:
                logger.LogWarning("DemoHistory:Enabled is set but the catalog has no product in stock; no demo history was added.");
                break;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
