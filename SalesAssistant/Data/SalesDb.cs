using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data;

/// <summary>
/// The one database of the app: catalog, consultations, the Identity accounts and the keys that protect their cookies.
/// One model on every provider; each provider has its own context type (<see cref="SqliteSalesDb"/>,
/// <see cref="PostgresSalesDb"/>) only so that each has its own migrations (Data/Migrations/Sqlite/, /Postgres/).
/// </summary>
public abstract class SalesDb(DbContextOptions<SalesDb> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The provider's context for options built for that provider (<see cref="DatabaseSettings.Configure"/>).</summary>
    public static SalesDb Create(DatabaseProvider provider, DbContextOptions<SalesDb> options) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresSalesDb(options),
        _ => new SqliteSalesDb(options),
    };

    /// <summary>ASP.NET Core's data-protection keys (sign-in cookies, antiforgery): kept here, a restart or a new server signs nobody out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Signed-in devices (the sign-in cookie's server-side sessions).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Family> Families => Set<Family>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductSpec> ProductSpecs => Set<ProductSpec>();
    public DbSet<TalkingPoint> TalkingPoints => Set<TalkingPoint>();
    public DbSet<TalkingPointChange> TalkingPointChanges => Set<TalkingPointChange>();
    public DbSet<AccessoryLink> AccessoryLinks => Set<AccessoryLink>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<BasketLine> BasketLines => Set<BasketLine>();
    public DbSet<ReactionRecord> Reactions => Set<ReactionRecord>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OfferTalkingPoint> OfferTalkingPoints => Set<OfferTalkingPoint>();
    public DbSet<TalkingPointAbTest> TalkingPointAbTests => Set<TalkingPointAbTest>();
    public DbSet<CatalogChange> CatalogChanges => Set<CatalogChange>();
    public DbSet<CatalogRevision> CatalogRevisions => Set<CatalogRevision>();
    public DbSet<SaleOrder> SaleOrders => Set<SaleOrder>();
    public DbSet<SaleLine> SaleLines => Set<SaleLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SalesDb).Assembly);
    }
}
