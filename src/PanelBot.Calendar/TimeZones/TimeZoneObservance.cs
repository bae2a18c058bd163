using NodaTime;

namespace PanelBot.Calendar;

/// <summary>One STANDARD or DAYLIGHT block: onset <see cref="Start"/> in local time (wall clock before the change).</summary>
/// <param name="Rule">Null for a fixed-offset zone's single STANDARD block.</param>
/// <param name="Name">TZNAME, optional (Outlook ignores it).</param>
public sealed record TimeZoneObservance(
    ObservanceKind Kind,
    LocalDateTime Start,
    Offset OffsetFrom,
    Offset OffsetTo,
    YearlyRule? Rule,
    string? Name);
