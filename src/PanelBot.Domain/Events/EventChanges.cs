namespace PanelBot.Domain.Events;

/// <summary>Which parts of an event an operation changed.</summary>
[Flags]
public enum EventChanges
{
    None = 0,
    Title = 1 << 0,
    Summary = 1 << 1,
    Description = 1 << 2,
    Tags = 1 << 3,
    Time = 1 << 4,
    Zone = 1 << 5,
    Venue = 1 << 6,
    OnlineMeeting = 1 << 7,
    JoinLinkRelease = 1 << 8,
    Recorded = 1 << 9,
    Hosts = 1 << 10,
    Contact = 1 << 11,
    PartOf = 1 << 12,
    Capacity = 1 << 13,
    Deadline = 1 << 14,
    RegistrationMode = 1 << 15,
    Status = 1 << 16,
    Speakers = 1 << 17,
    Segments = 1 << 18,
    Readings = 1 << 19,
    Organisers = 1 << 20,
    Kind = 1 << 21,

    /// <summary>A speaker's time zone was given or changed (always with <see cref="Speakers"/>).</summary>
    SpeakerZones = 1 << 22,

    /// <summary>Changes that attendees' calendars must hear about (iCalendar update with a higher SEQUENCE).</summary>
    CalendarRelevant = Time | Zone | Venue | OnlineMeeting,

    /// <summary>Changes that move scheduled work (reminders, join-link release, follow-up).</summary>
    ScheduleRelevant = Time | Zone | JoinLinkRelease | Deadline | Status,

    /// <summary>Changes after which the organiser hears which speakers the slot falls outside waking hours for.</summary>
    SpeakerHoursRelevant = Time | Zone | SpeakerZones,
}
