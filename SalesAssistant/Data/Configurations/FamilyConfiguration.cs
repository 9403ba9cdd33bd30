using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(CatalogLimits.FamilyMaxLength);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.Property(f => f.SearchName).HasMaxLength(CatalogLimits.FamilyMaxLength * 2);
    }
}
