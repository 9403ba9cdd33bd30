using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

/// <summary>
/// SQLite only: the upgrade of a SQLite database made before its FTS5 index existed. PostgreSQL's migrations have the
/// search column from their first day.
/// </summary>
public sealed class FullTextMigrationTests
{
    [Fact]
    public async Task Products_of_a_database_made_before_full_text_search_are_indexed_by_the_upgrade()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124080406_Insights");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Categories" ("Name") VALUES ('Coffee');
                INSERT INTO "Products" ("Sku", "Name", "SearchText", "CategoryId", "PriceMinor", "Stock", "IsActive", "Version")
                VALUES ('OLD-1', 'Moka pot', 'moka pot old-1', 1, 2500, 3, 1, 0);
                """);

            await migrator.MigrateAsync();
        }

        var hits = await new ProductSearch(database).SearchAsync("moka");

        Assert.Equal(["OLD-1"], hits.Select(h => h.Sku));
    }
}
