using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Catalog;

namespace SalesAssistant.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.ShownAt).HasConversion(UnixMilliseconds.Converter);
        builder.HasOne(o => o.Consultation).WithMany(c => c.Offers).HasForeignKey(o => o.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TalkingPointAbTest>().WithMany().HasForeignKey(o => o.AbTestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<TalkingPoint>().WithMany().HasForeignKey(o => o.LeadTalkingPointId).OnDelete(DeleteBehavior.SetNull);
        // A product is offered once per step of a consultation, however often the page is shown.
        builder.HasIndex(o => new { o.ConsultationId, o.Step, o.ProductId }).IsUnique();
        builder.HasIndex(o => new { o.AbTestId, o.LeadTalkingPointId });
        builder.HasMany(o => o.TalkingPoints).WithOne().HasForeignKey(p => p.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferTalkingPointConfiguration : IEntityTypeConfiguration<OfferTalkingPoint>
{
    public void Configure(EntityTypeBuilder<OfferTalkingPoint> builder)
    {
        builder.HasKey(p => new { p.OfferId, p.TalkingPointId });
        builder.HasIndex(p => p.TalkingPointId);
        builder.HasOne(p => p.TalkingPoint).WithMany().HasForeignKey(p => p.TalkingPointId).OnDelete(DeleteBehavior.Cascade);
    }
}
