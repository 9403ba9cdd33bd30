using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesAssistant.Accounts;

namespace SalesAssistant.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        // Stored as Unix milliseconds: SQLite cannot order or compare DateTimeOffset text in SQL.
        builder.Property(c => c.StartedAt).HasConversion(UnixMilliseconds.Converter);
        builder.Property(c => c.FinishedAt).HasConversion(UnixMilliseconds.NullableConverter);
        builder.HasIndex(c => c.StartedAt);
        builder.HasIndex(c => new { c.Step, c.FinishedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ClerkId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.BaselineProduct).WithMany().HasForeignKey(c => c.BaselineProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Reactions).WithOne().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
