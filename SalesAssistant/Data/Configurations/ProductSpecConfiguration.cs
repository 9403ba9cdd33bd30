using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class ProductSpecConfiguration : IEntityTypeConfiguration<ProductSpec>
{
    public void Configure(EntityTypeBuilder<ProductSpec> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(CatalogLimits.SpecKeyMaxLength);
        builder.Property(s => s.Value).HasMaxLength(CatalogLimits.SpecValueMaxLength);
        builder.HasIndex(s => new { s.ProductId, s.Position });
    }
}
