using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class SaleOrderConfiguration : IEntityTypeConfiguration<SaleOrder>
{
    public void Configure(EntityTypeBuilder<SaleOrder> builder)
    {
        builder.Property(o => o.OrderNumber).HasMaxLength(SalesLimits.OrderIdMaxLength);
        builder.HasIndex(o => o.OrderNumber).IsUnique();
        builder.Property(o => o.SoldAt).HasConversion(UnixMilliseconds.Converter);
        builder.Property(o => o.ImportedAt).HasConversion(UnixMilliseconds.Converter);
        builder.HasIndex(o => o.SoldAt);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.SaleOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SaleLineConfiguration : IEntityTypeConfiguration<SaleLine>
{
    public void Configure(EntityTypeBuilder<SaleLine> builder)
    {
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SaleOrderId, l.ProductId }).IsUnique();
        builder.HasIndex(l => l.ProductId);
    }
}
