using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class TalkingPointAbTestConfiguration : IEntityTypeConfiguration<TalkingPointAbTest>
{
    public void Configure(EntityTypeBuilder<TalkingPointAbTest> builder)
    {
        builder.Property(t => t.StartedAt).HasConversion(UnixMilliseconds.Converter);
        builder.Property(t => t.EndedAt).HasConversion(UnixMilliseconds.NullableConverter);
        builder.Property(t => t.StartedBy).HasMaxLength(256);
        builder.HasOne(t => t.Product).WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.PointA).WithMany().HasForeignKey(t => t.PointAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.PointB).WithMany().HasForeignKey(t => t.PointBId).OnDelete(DeleteBehavior.Restrict);
        // At most one running test per product: the clerk flow has to know which pair it alternates.
        builder.HasIndex(t => t.ProductId).IsUnique().HasFilter("\"EndedAt\" IS NULL");
    }
}
