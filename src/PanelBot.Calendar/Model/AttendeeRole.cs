namespace PanelBot.Calendar;

/// <summary>The <c>ROLE</c> parameter of an ATTENDEE (RFC 5545 §3.2.16).</summary>
public enum AttendeeRole
{
    /// <summary><c>CHAIR</c>: suits a host listed as attendee.</summary>
    Chair,

    /// <summary><c>REQ-PARTICIPANT</c>, the RFC default.</summary>
    ReqParticipant,

    /// <summary><c>OPT-PARTICIPANT</c>.</summary>
    OptParticipant,

    /// <summary><c>NON-PARTICIPANT</c>: Outlook maps it to a resource/Bcc recipient, so avoid it for people.</summary>
    NonParticipant,
}
