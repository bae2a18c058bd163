namespace PanelBot.Domain.Events;

/// <summary>What an edit changed, and notes for the user (e.g. how an ambiguous time was resolved).</summary>
public sealed record EventUpdate(EventChanges Changes, IReadOnlyList<string> Notes)
{
    public static readonly EventUpdate Nothing = new(EventChanges.None, []);

    public bool HasChanges => Changes != EventChanges.None;

    /// <summary>True when attendees need a calendar update (time, zone, venue or join link changed).</summary>
    public bool IsCalendarRelevant => (Changes & EventChanges.CalendarRelevant) != 0;

    /// <summary>True when reminders and other scheduled work must be re-planned.</summary>
    public bool IsScheduleRelevant => (Changes & EventChanges.ScheduleRelevant) != 0;
}
