using NodaTime;

namespace PanelBot.Domain.Time;

/// <summary>
/// An event's start and end resolved in its zone. <see cref="EndsAt"/> is exclusive (the moment the event is over).
/// <see cref="Notes"/> says how an ambiguous local time was resolved, for the user to read.
/// </summary>
public sealed record EventTimes(
    LocalDateTime Start,
    LocalDateTime End,
    string TimeZoneId,
    Instant StartsAt,
    Instant EndsAt,
    IReadOnlyList<string> Notes)
{
    public Duration Length => EndsAt - StartsAt;
    public int LengthMinutes => (int)Length.TotalMinutes;
}
