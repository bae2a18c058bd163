namespace PanelBot.Calendar;

/// <summary>The enumerated values as written (upper case, RFC spelling).</summary>
internal static class IcsTokens
{
    public static string Method(CalendarMethod method) => method switch
    {
        CalendarMethod.Publish => "PUBLISH",
        CalendarMethod.Request => "REQUEST",
        CalendarMethod.Cancel => "CANCEL",
        CalendarMethod.Reply => "REPLY",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string Role(AttendeeRole role) => role switch
    {
        AttendeeRole.Chair => "CHAIR",
        AttendeeRole.ReqParticipant => "REQ-PARTICIPANT",
        AttendeeRole.OptParticipant => "OPT-PARTICIPANT",
        AttendeeRole.NonParticipant => "NON-PARTICIPANT",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string PartStat(ParticipationStatus status) => status switch
    {
        ParticipationStatus.NeedsAction => "NEEDS-ACTION",
        ParticipationStatus.Accepted => "ACCEPTED",
        ParticipationStatus.Declined => "DECLINED",
        ParticipationStatus.Tentative => "TENTATIVE",
        ParticipationStatus.Delegated => "DELEGATED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Unknown or missing values mean NEEDS-ACTION (RFC 5545 §3.2.12).</summary>
    public static ParticipationStatus ParsePartStat(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "ACCEPTED" => ParticipationStatus.Accepted,
        "DECLINED" => ParticipationStatus.Declined,
        "TENTATIVE" => ParticipationStatus.Tentative,
        "DELEGATED" => ParticipationStatus.Delegated,
        _ => ParticipationStatus.NeedsAction,
    };

    public static string Status(EventStatus status) => status switch
    {
        EventStatus.Confirmed => "CONFIRMED",
        EventStatus.Tentative => "TENTATIVE",
        EventStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
