using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>The <c>registrations</c> table: one row per person and event.</summary>
public sealed class RegistrationMapping : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.ToTable("registrations");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        e.Property(x => x.State).HasConversion<string>();
        e.Property(x => x.AnsweredAt).HasConversion(NodaConverters.Instant);
        e.Property(x => x.WaitlistedAt).HasConversion(NodaConverters.Instant);
        e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
    }
}
