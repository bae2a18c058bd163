using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventPosting> EventPostings => Set<EventPosting>();
    public DbSet<Registration> Registrations => Set<Registration>();

    partial void ConfigureEvents(ModelBuilder model)
    {
        model.Entity<Event>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>();
            e.Property(x => x.Status).HasConversion<string>();
            e.Property(x => x.RegistrationMode).HasConversion<string>();
            e.Property(x => x.Start).HasConversion(NodaConverters.LocalDateTime).HasColumnName("start_local");
            e.Property(x => x.End).HasConversion(NodaConverters.LocalDateTime).HasColumnName("end_local");
            e.Property(x => x.RsvpDeadline).HasConversion(NodaConverters.LocalDateTime);
            e.Property(x => x.StartsAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.EndsAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.UpdatedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.PublishedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.CancelledAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.Version).IsConcurrencyToken();
            Json(e.Property(x => x.Venue));
            Json(e.Property(x => x.OnlineMeeting));
            Json(e.Property(x => x.Contact));
            JsonField<string>(e, "_tags", "tags");
            JsonField<string>(e, "_hosts", "hosts");
            JsonField<CoOrganiser>(e, "_coOrganisers", "co_organisers");
            JsonField<Speaker>(e, "_speakers", "speakers");
            JsonField<Segment>(e, "_segments", "segments");
            JsonField<Reading>(e, "_readings", "readings");
            e.Ignore(x => x.Tags);
            e.Ignore(x => x.Hosts);
            e.Ignore(x => x.CoOrganisers);
            e.Ignore(x => x.Speakers);
            e.Ignore(x => x.Segments);
            e.Ignore(x => x.Readings);
        });
        model.Entity<EventPosting>(e =>
        {
            e.ToTable("event_postings");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.EventId);
        });
        model.Entity<Registration>(e =>
        {
            e.ToTable("registrations");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
            e.Property(x => x.State).HasConversion<string>();
            e.Property(x => x.AnsweredAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.WaitlistedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
        });
    }

    private static void Json<T>(PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(JsonColumn.Converter<T>(), JsonColumn.Comparer<T>());

    private static void JsonField<T>(EntityTypeBuilder<Event> e, string field, string column) =>
        e.Property<List<T>>(field)
            .HasColumnName(column)
            .HasConversion(JsonColumn.Converter<List<T>>(), JsonColumn.Comparer<List<T>>())
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
}
