using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Localization;

namespace SalesAssistant.Catalog;

/// <summary>
/// At startup, before the server takes requests and after the database is migrated (<see cref="Data.DatabaseMigrator"/>):
/// streams the seed catalog file (<see cref="CatalogOptions.SeedFile"/>, else the demo catalog in the store's language) into an empty database. An invalid seed file throws <see cref="CatalogFileException"/>, which stops the app.
/// </summary>
public sealed class CatalogInitializer(
    IDbContextFactory<SalesDb> dbFactory,
    CatalogLoader loader,
    IOptions<CatalogOptions> options,
    DisplayCultures cultures,
    IHostEnvironment environment,
    ILogger<CatalogInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await FoldFamilyNamesAsync(db, cancellationToken);
            if (await db.Products.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var seedFile = options.Value.SeedFile;
        if (seedFile is not null && string.IsNullOrWhiteSpace(seedFile))
        {
            logger.LogWarning("The catalog is empty and Catalog:SeedFile is empty: no catalog is loaded");
            return;
        }
        // The demo catalog ships beside the app's binaries, wherever the app is started from.
        var path = seedFile is null
            ? Path.Combine(AppContext.BaseDirectory, CatalogOptions.DemoCatalogFor(cultures.StoreLanguage))
            : Path.GetFullPath(seedFile, environment.ContentRootPath);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Catalog:SeedFile '{path}' does not exist.", path);
        }
        // A bad seed file is reported to whoever runs the store, in the store's language.
        cultures.Apply(cultures.StoreLanguage);
        var result = await loader.LoadFileIntoEmptyCatalogAsync(path, cancellationToken);
        if (!result.IsValid)
        {
            throw new CatalogFileException(result with { FileName = path });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Families written before they had a search name (migration FamilySearchName) get it once, here.</summary>
    internal static async Task FoldFamilyNamesAsync(SalesDb db, CancellationToken ct)
    {
        var unfolded = await db.Families.Where(f => f.SearchName == "" && f.Name != "").ToListAsync(ct);
        foreach (var family in unfolded)
        {
            family.RefreshSearchName();
        }
        await db.SaveChangesAsync(ct);
    }
}
