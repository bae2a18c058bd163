using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Events;

/// <summary>
/// A webinar or panel: the aggregate root. Every change goes through a method that validates first and mutates only on
/// success, so a failed operation leaves the event unchanged. Times are local to <see cref="TimeZoneId"/>;
/// <see cref="StartsAt"/>/<see cref="EndsAt"/> are the resolved instants (end exclusive), kept for queries and scheduling.
/// </summary>
public sealed partial class Event
{
    private List<string> _tags = [];
    private List<string> _hosts = [];
    private List<CoOrganiser> _coOrganisers = [];
    private List<Speaker> _speakers = [];
    private List<Segment> _segments = [];
    private List<Reading> _readings = [];

    private Event()
    {
        Title = "";
        Slug = "";
        TimeZoneId = "";
        CreatorId = "";
    }

    /// <summary>Database id.</summary>
    public long Id { get; private set; }

    /// <summary>Public short number used in commands ("#12").</summary>
    public int Number { get; private set; }

    /// <summary>Readable reference derived from the title at creation; stable afterwards.</summary>
    public string Slug { get; private set; }

    public EventKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; private set; }

    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Local start in the event's zone.</summary>
    public LocalDateTime Start { get; private set; }

    /// <summary>Local end in the event's zone (same day as the start, after it).</summary>
    public LocalDateTime End { get; private set; }

    /// <summary>IANA zone id, e.g. Europe/Oslo.</summary>
    public string TimeZoneId { get; private set; }

    public Instant StartsAt { get; private set; }

    /// <summary>Exclusive: the moment the event is over.</summary>
    public Instant EndsAt { get; private set; }

    public Venue? Venue { get; private set; }
    public OnlineMeeting? OnlineMeeting { get; private set; }

    /// <summary>Days before the start from which confirmed attendees see the join link (0..60, default 3).</summary>
    public int JoinLinkReleaseDays { get; private set; }

    public bool Recorded { get; private set; }

    /// <summary>The organising bodies.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    public ContactPerson? Contact { get; private set; }

    /// <summary>Parent series or conference, if any.</summary>
    public string? PartOf { get; private set; }

    /// <summary>Seats; null = no limit.</summary>
    public int? Capacity { get; private set; }

    /// <summary>Local date-time in the event's zone; null = RSVPs close at the start.</summary>
    public LocalDateTime? RsvpDeadline { get; private set; }

    public RegistrationMode RegistrationMode { get; private set; }
    public EventStatus Status { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>User id of the creator (always an organiser).</summary>
    public string CreatorId { get; private set; }

    public IReadOnlyList<CoOrganiser> CoOrganisers => _coOrganisers;
    public IReadOnlyList<Speaker> Speakers => _speakers;

    /// <summary>Run of show, in order.</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    public IReadOnlyList<Reading> Readings => _readings;

    /// <summary>Incremented on every successful change; usable as an optimistic concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>iCalendar SEQUENCE: incremented on calendar-relevant changes (time, zone, venue, link) and on cancellation.</summary>
    public int Sequence { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }
    public Instant? PublishedAt { get; private set; }
    public Instant? CancelledAt { get; private set; }

    public LocalDate Date => Start.Date;
    public LocalTime StartTime => Start.TimeOfDay;
    public LocalTime EndTime => End.TimeOfDay;
    public int LengthMinutes => (int)(EndsAt - StartsAt).TotalMinutes;
    public bool IsReadOnly => Status is EventStatus.Cancelled or EventStatus.Completed;
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];
    public string Reference => "#" + Number;

    /// <summary>The editable fields as a form model; edit a copy with <c>with</c> and pass it to <see cref="Update"/>.</summary>
    public EventDetails Details => new()
    {
        Kind = Kind,
        Title = Title,
        Summary = Summary,
        Description = Description,
        Tags = _tags.ToList(),
        Date = Start.Date,
        StartTime = Start.TimeOfDay,
        EndTime = End.TimeOfDay,
        TimeZoneId = TimeZoneId,
        Venue = Venue,
        OnlineMeeting = OnlineMeeting,
        JoinLinkReleaseDays = JoinLinkReleaseDays,
        Recorded = Recorded,
        Hosts = _hosts.ToList(),
        Contact = Contact,
        PartOf = PartOf,
        Capacity = Capacity,
        RsvpDeadline = RsvpDeadline,
        RegistrationMode = RegistrationMode,
    };

    /// <summary>Creates a draft event. The start must be in the future. Notes (ambiguous times) are on the result.</summary>
    public static DomainResult<Event> Create(int number, EventDetails details, string creatorId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(creatorId);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var now = clock.GetCurrentInstant();
        var normalised = EventValidator.Normalise(details);
        var validation = EventValidator.Validate(normalised, now, checkPast: true);
        if (!validation.IsSuccess)
        {
            return validation.FailAs<Event>();
        }

        var ev = new Event
        {
            Number = number,
            Slug = EventSlug.From(normalised.Title),
            CreatorId = creatorId,
            Status = EventStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        ev.Apply(normalised, validation.Value);
        return DomainResult<Event>.Ok(ev, validation.Notes);
    }

    /// <summary>True for the creator and named co-organisers.</summary>
    public bool CanEdit(string? userId) =>
        !string.IsNullOrEmpty(userId)
        && (string.Equals(userId, CreatorId, StringComparison.Ordinal) || _coOrganisers.Any(o => o.UserId == userId));

    /// <summary>Refusal message for users who may not edit, or success.</summary>
    public DomainResult CheckCanEdit(string? userId) => CanEdit(userId)
        ? DomainResult.Ok()
        : DomainResult.Fail(EventFields.Event,
            $"Only the organisers of {Reference} can change it. Ask the creator to add you with: organiser {Reference} add @you");

    /// <summary>Instant after which RSVPs are refused: the deadline, or the start when there is none.</summary>
    public Instant RsvpClosesAt =>
        RsvpDeadline is { } deadline ? EventSchedule.MapLenient(deadline, Zone) : StartsAt;

    /// <summary>From this instant confirmed attendees see the join link.</summary>
    public Instant JoinLinkReleasedAt => EventSchedule.MapLenient(Start.PlusDays(-JoinLinkReleaseDays), Zone);

    public bool IsJoinLinkReleased(Instant now) => now >= JoinLinkReleasedAt;

    /// <summary>Speakers grouped by role in display order, each group in programme order.</summary>
    public IReadOnlyList<SpeakerGroup> SpeakersByRole() =>
        _speakers.GroupBy(s => s.Role)
            .OrderBy(g => SpeakerRoles.DisplayRank(g.Key))
            .Select(g => new SpeakerGroup(g.Key, SpeakerRoles.PluralLabel(g.Key), g.OrderBy(s => s.Order).ToList()))
            .ToList();

    /// <summary>Whether the run of show fits the event's length.</summary>
    public RunOfShowCheck CheckRunOfShow() => RunOfShowCheck.For(_segments, LengthMinutes);

    private DomainResult? RefuseIfReadOnly() => IsReadOnly
        ? DomainResult.Fail(EventFields.Status,
            $"{Reference} is {Status.ToString().ToLowerInvariant()}, so it can no longer be changed. Create a new event instead (type help).")
        : null;

    private void Touch(Instant now, EventChanges changes)
    {
        Version++;
        UpdatedAt = now;
        if ((changes & EventChanges.CalendarRelevant) != 0)
        {
            Sequence++;
        }
    }
}
