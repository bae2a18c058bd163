using NodaTime;

namespace PanelBot.Calendar;

/// <summary>
/// One VEVENT. Text fields are passed as the user typed them; the writer sanitises them
/// (<see cref="IcsSanitizer"/>) and escapes them, so any string is safe here.
/// </summary>
public sealed record CalendarEvent
{
    /// <summary>Stable for the whole life of the event; printable ASCII, at most 255 characters.</summary>
    public required string Uid
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (value.Length > 255 || value.Any(c => c is < '!' or > '~'))
            {
                throw new ArgumentException("A UID must be 1-255 printable ASCII characters without spaces.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>0 first, raised on every update and on cancel; the caller owns the counter.</summary>
    public int Sequence
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    public required string Summary
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string? Description { get; init; }

    public string? Location { get; init; }

    /// <summary>Only <c>https:</c> and <c>tel:</c> are allowed: a calendar client opens the URL as given (RFC 5545 §3.8.4.6).</summary>
    public Uri? Url
    {
        get;
        init
        {
            if (value is not null && (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != "tel")))
            {
                throw new ArgumentException("URL must be an absolute https: or tel: URI.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>Inclusive start. Written to the second; sub-second precision is dropped.</summary>
    public required Instant Start { get; init; }

    /// <summary>Exclusive end; must be after <see cref="Start"/> (checked by the writer).</summary>
    public required Instant End { get; init; }

    /// <summary>
    /// Null writes UTC (<c>...Z</c>) times. Otherwise <c>TZID=&lt;zone id&gt;</c> plus a generated VTIMEZONE; the writer
    /// falls back to UTC when the zone cannot be described by one STANDARD and one DAYLIGHT yearly rule over the event's
    /// years, or when a time is ambiguous local time (see <see cref="CalendarWriter"/>).
    /// </summary>
    public DateTimeZone? Zone { get; init; }

    public required CalendarAddress Organizer
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    }

    public IReadOnlyList<CalendarAttendee> Attendees
    {
        get;
        init => field = CopyWithoutNulls(value);
    } = [];

    public EventStatus Status { get; init; } = EventStatus.Confirmed;

    /// <summary>Written as one <c>CATEGORIES</c> line; each entry is sanitised as a single line, empty entries are dropped.</summary>
    public IReadOnlyList<string> Categories
    {
        get;
        init => field = CopyWithoutNulls(value);
    } = [];

    public IReadOnlyList<CalendarAlarm> Alarms
    {
        get;
        init => field = CopyWithoutNulls(value);
    } = [];

    public Instant? Created { get; init; }

    public Instant? LastModified { get; init; }

    public EventTransparency Transparency { get; init; } = EventTransparency.Opaque;

    // A copy keeps the record immutable even if the caller mutates its own list afterwards.
    private static T[] CopyWithoutNulls<T>(IReadOnlyList<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(item => item is null))
        {
            throw new ArgumentException("The list cannot contain null entries.", nameof(value));
        }

        return [.. value];
    }
}
