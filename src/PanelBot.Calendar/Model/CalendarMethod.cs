namespace PanelBot.Calendar;

/// <summary>The iCalendar <c>METHOD</c> (RFC 5546). Pass <c>null</c> to the writer for a plain .ics without METHOD.</summary>
public enum CalendarMethod
{
    /// <summary>Feeds and downloads: no scheduling semantics.</summary>
    Publish,

    /// <summary>An invitation or an update of one (same UID, higher SEQUENCE).</summary>
    Request,

    /// <summary>Cancels the whole event; the writer always emits <c>STATUS:CANCELLED</c>.</summary>
    Cancel,

    /// <summary>An attendee's answer; exactly one ATTENDEE and no STATUS.</summary>
    Reply,
}
