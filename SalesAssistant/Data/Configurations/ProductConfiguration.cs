using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        // Triggers keep the full-text index (ProductsFts) in sync, and SQLite refuses RETURNING on tables with triggers.
        builder.ToTable(table => table.UseSqlReturningClause(false));
        // SKUs are matched case-insensitively (a scanner or a clerk may type either case).
        builder.Property(p => p.Sku).HasMaxLength(CatalogLimits.SkuMaxLength).UseCollation("NOCASE");
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.Ean).HasMaxLength(13);
        // EANs and tiers are unique among active products: a retired product's barcode or tier may be reused.
        builder.HasIndex(p => p.Ean).IsUnique().HasFilter("\"IsActive\" = 1");
        builder.Property(p => p.Name).HasMaxLength(CatalogLimits.NameMaxLength);
        builder.Property(p => p.Brand).HasMaxLength(CatalogLimits.BrandMaxLength);
        builder.Property(p => p.SearchText).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.FamilyId, p.Tier }).IsUnique().HasFilter("\"IsActive\" = 1");
        builder.HasIndex(p => new { p.CategoryId, p.Name });
        // Plain indexes for look-ups by barcode and by family: the filtered unique ones above serve a query only when
        // it says "IsActive" = 1 word for word, which EF's translation of p.IsActive does not.
        builder.HasIndex(p => p.Ean, "IX_Products_Ean_Lookup");
        builder.HasIndex(p => p.FamilyId, "IX_Products_FamilyId_Lookup");
        // Counting a category's active products reads this index alone, not the table.
        builder.HasIndex(p => new { p.CategoryId, p.IsActive }, "IX_Products_CategoryId_IsActive");

        builder.HasOne(p => p.Category).WithMany(c => c.Products).HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Family).WithMany(f => f.Members).HasForeignKey(p => p.FamilyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Specs).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.TalkingPoints).WithOne().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Accessories).WithOne(a => a.Product).HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
