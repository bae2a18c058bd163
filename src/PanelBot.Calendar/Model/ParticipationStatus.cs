namespace PanelBot.Calendar;

/// <summary>The <c>PARTSTAT</c> parameter of an ATTENDEE in a VEVENT (RFC 5545 §3.2.12).</summary>
public enum ParticipationStatus
{
    /// <summary><c>NEEDS-ACTION</c>; also what unknown or missing values mean when read.</summary>
    NeedsAction,
    Accepted,
    Declined,
    Tentative,

    /// <summary><c>DELEGATED</c>: seen in replies.</summary>
    Delegated,
}
