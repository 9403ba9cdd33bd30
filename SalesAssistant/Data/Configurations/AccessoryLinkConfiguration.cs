using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class AccessoryLinkConfiguration : IEntityTypeConfiguration<AccessoryLink>
{
    public void Configure(EntityTypeBuilder<AccessoryLink> builder)
    {
        builder.HasKey(a => new { a.ProductId, a.AccessoryId });
        builder.HasOne(a => a.Accessory).WithMany().HasForeignKey(a => a.AccessoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProductId, a.Priority });
    }
}
