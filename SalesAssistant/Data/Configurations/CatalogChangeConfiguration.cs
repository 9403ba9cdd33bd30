using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class CatalogChangeConfiguration : IEntityTypeConfiguration<CatalogChange>
{
    public void Configure(EntityTypeBuilder<CatalogChange> builder)
    {
        builder.Property(c => c.ChangedAt).HasConversion(UnixMilliseconds.Converter);
        builder.Property(c => c.Summary).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ProductId, c.ChangedAt });
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
