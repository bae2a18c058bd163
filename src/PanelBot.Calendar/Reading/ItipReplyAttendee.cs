namespace PanelBot.Calendar;

/// <summary>One replying ATTENDEE. <see cref="Email"/> is the address without <c>mailto:</c> (scheme matched case-insensitively),
/// as written; compare addresses case-insensitively.</summary>
public sealed record ItipReplyAttendee(string Email, ParticipationStatus PartStat, string? CommonName);
