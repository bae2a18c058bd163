using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling;

public sealed class EventScheduleSettingsMapping : IEntityTypeConfiguration<EventScheduleSettings>
{
    public void Configure(EntityTypeBuilder<EventScheduleSettings> e)
    {
        e.ToTable("event_schedules");
        e.HasKey(x => x.EventId);
        e.Property(x => x.EventId).ValueGeneratedNever();
        e.Property(x => x.LastDigestAt).HasConversion(NodaConverters.Instant);
        e.Property(x => x.UpdatedAt).HasConversion(NodaConverters.Instant);
    }
}

public sealed class ScheduledDeliveryMapping : IEntityTypeConfiguration<ScheduledDelivery>
{
    public void Configure(EntityTypeBuilder<ScheduledDelivery> e)
    {
        e.ToTable("scheduled_deliveries");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
        e.HasIndex(x => x.EventId);
        e.Property(x => x.SentAt).HasConversion(NodaConverters.Instant);
    }
}

public static class SchedulingSets
{
    extension(PanelBotDbContext db)
    {
        public DbSet<EventScheduleSettings> EventSchedules => db.Set<EventScheduleSettings>();
        public DbSet<ScheduledDelivery> ScheduledDeliveries => db.Set<ScheduledDelivery>();
    }
}
