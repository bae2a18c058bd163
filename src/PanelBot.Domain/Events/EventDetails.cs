using NodaTime;

namespace PanelBot.Domain.Events;

/// <summary>
/// Everything an organiser can edit about an event at once (the Adaptive Card form's model).
/// <see cref="Event.Create"/> and <see cref="Event.Update"/> validate it as a whole and report every field error.
/// The event runs on <see cref="Date"/> from <see cref="StartTime"/> to <see cref="EndTime"/> (same day) in <see cref="TimeZoneId"/>.
/// </summary>
public sealed record EventDetails
{
    public const int DefaultJoinLinkReleaseDays = 3;

    public required EventKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required LocalDate Date { get; init; }
    public required LocalTime StartTime { get; init; }
    public required LocalTime EndTime { get; init; }
    public required string TimeZoneId { get; init; }
    public Venue? Venue { get; init; }
    public OnlineMeeting? OnlineMeeting { get; init; }
    public int JoinLinkReleaseDays { get; init; } = DefaultJoinLinkReleaseDays;
    public bool Recorded { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public ContactPerson? Contact { get; init; }
    public string? PartOf { get; init; }
    public int? Capacity { get; init; }

    /// <summary>Local date-time in the event's zone after which RSVPs are refused; null = until the start.</summary>
    public LocalDateTime? RsvpDeadline { get; init; }

    public RegistrationMode RegistrationMode { get; init; } = RegistrationMode.Open;
}
