using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext
{
    public DbSet<EventScheduleSettings> EventSchedules => Set<EventScheduleSettings>();
    public DbSet<ScheduledDelivery> ScheduledDeliveries => Set<ScheduledDelivery>();

    partial void ConfigureScheduling(ModelBuilder model);

    partial void ConfigureScheduling(ModelBuilder model)
    {
        model.Entity<EventScheduleSettings>(e =>
        {
            e.ToTable("event_schedules");
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).ValueGeneratedNever();
            e.Property(x => x.LastDigestAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.UpdatedAt).HasConversion(NodaConverters.Instant);
        });
        model.Entity<ScheduledDelivery>(e =>
        {
            e.ToTable("scheduled_deliveries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
            e.HasIndex(x => x.EventId);
            e.Property(x => x.SentAt).HasConversion(NodaConverters.Instant);
        });
    }
}
