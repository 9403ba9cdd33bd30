using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class TalkingPointChangeConfiguration : IEntityTypeConfiguration<TalkingPointChange>
{
    public void Configure(EntityTypeBuilder<TalkingPointChange> builder)
    {
        builder.Property(c => c.ChangedAt).HasConversion(UnixMilliseconds.Converter);
        builder.Property(c => c.Before).HasMaxLength(CatalogLimits.TalkingPointMaxLength);
        builder.Property(c => c.After).HasMaxLength(CatalogLimits.TalkingPointMaxLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ProductId, c.ChangedAt });
        builder.HasOne(c => c.TalkingPoint).WithMany().HasForeignKey(c => c.TalkingPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
