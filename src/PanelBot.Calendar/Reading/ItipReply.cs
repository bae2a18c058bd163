using NodaTime;

namespace PanelBot.Calendar;

/// <summary>What an attendee's client sent back (RFC 5546 §3.2.3), as read from the first VEVENT of a METHOD:REPLY object.</summary>
/// <param name="Sequence">The echoed SEQUENCE; 0 when absent (the RFC default).</param>
/// <param name="DtStamp">The attendee's send time; null when missing or not a UTC DATE-TIME.</param>
/// <param name="Organizer">The ORGANIZER address without <c>mailto:</c>, or null.</param>
/// <param name="Attendees">The <c>mailto:</c> ATTENDEEs, at least one. Normally exactly one (the replier); delegation replies may carry two.</param>
/// <param name="RecurrenceId">The raw RECURRENCE-ID value when replying to one instance, else null.</param>
public sealed record ItipReply(
    string Uid,
    int Sequence,
    Instant? DtStamp,
    string? Organizer,
    IReadOnlyList<ItipReplyAttendee> Attendees,
    string? RecurrenceId);
