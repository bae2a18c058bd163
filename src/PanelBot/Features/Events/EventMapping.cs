using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

/// <summary>The <c>events</c> table: owned values (venue, meeting, contact, lists) are JSON columns.</summary>
public sealed class EventMapping : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
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
