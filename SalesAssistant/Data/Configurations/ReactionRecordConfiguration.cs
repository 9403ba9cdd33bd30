using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesAssistant.Data.Configurations;

internal sealed class ReactionRecordConfiguration : IEntityTypeConfiguration<ReactionRecord>
{
    public void Configure(EntityTypeBuilder<ReactionRecord> builder) =>
        builder.Property(r => r.RecordedAt).HasConversion(UnixMilliseconds.Converter);
}
