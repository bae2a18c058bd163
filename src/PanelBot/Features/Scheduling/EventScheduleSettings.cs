using NodaTime;

namespace PanelBot.Features.Scheduling;

/// <summary>An event's scheduling choices and progress (table <c>event_schedules</c>), kept apart from the domain's event.</summary>
public sealed class EventScheduleSettings
{
    public long EventId { get; set; }

    /// <summary>"3d,1h"; null = the configured defaults.</summary>
    public string? ReminderOffsets { get; set; }

    /// <summary>Null = the configured default.</summary>
    public int? BriefingOffsetMinutes { get; set; }

    /// <summary>RSVP changes up to this instant were in a digest already.</summary>
    public Instant? LastDigestAt { get; set; }

    public Instant UpdatedAt { get; set; }
}
