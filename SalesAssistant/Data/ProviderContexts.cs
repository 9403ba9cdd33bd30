using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data;

/// <summary>The app's database on SQLite: its migrations are in Data/Migrations/Sqlite/.</summary>
public sealed class SqliteSalesDb(DbContextOptions<SalesDb> options) : SalesDb(options);

/// <summary>
/// The app's database on PostgreSQL: its migrations are in Data/Migrations/Postgres/. The model is the same but for
/// what SQLite spells its own way: SKUs compare ignoring case through a case-insensitive ICU collation (SQLite's
/// NOCASE), and the filters of the partial unique indexes test the boolean itself.
/// </summary>
public sealed class PostgresSalesDb(DbContextOptions<SalesDb> options) : SalesDb(options)
{
    /// <summary>Case-insensitive, accent-sensitive equality (ICU strength 2), as SQLite's NOCASE for the SKUs.</summary>
    public const string CaseInsensitiveCollation = "case_insensitive";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        var product = modelBuilder.Entity<Product>();
        product.Property(p => p.Sku).UseCollation(CaseInsensitiveCollation);
        product.HasIndex(p => p.Ean).IsUnique().HasFilter("\"IsActive\"");
        product.HasIndex(p => new { p.FamilyId, p.Tier }).IsUnique().HasFilter("\"IsActive\"");
    }
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteSalesDb</c>: no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesDb>
{
    public SqliteSalesDb CreateDbContext(string[] args) =>
        new(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(new DbContextOptionsBuilder<SalesDb>()).Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresSalesDb</c>: no database is opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesDb>
{
    public PostgresSalesDb CreateDbContext(string[] args) =>
        new(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=design_time").Configure(new DbContextOptionsBuilder<SalesDb>()).Options);
}
