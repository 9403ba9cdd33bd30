using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class TalkingPointConfiguration : IEntityTypeConfiguration<TalkingPoint>
{
    public void Configure(EntityTypeBuilder<TalkingPoint> builder)
    {
        builder.Property(t => t.Text).HasMaxLength(CatalogLimits.TalkingPointMaxLength);
        builder.HasIndex(t => new { t.ProductId, t.Position });
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.ReviewBy).HasConversion(UnixMilliseconds.Converter);
        builder.Property(t => t.UpdatedAt).HasConversion(UnixMilliseconds.Converter);
    }
}
