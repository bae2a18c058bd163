namespace PanelBot.Calendar;

/// <summary>An <c>ATTENDEE</c> written as <c>CUTYPE=INDIVIDUAL;ROLE=..;PARTSTAT=..[;RSVP=TRUE][;CN=".."]:mailto:..</c>.</summary>
public sealed record CalendarAttendee
{
    public CalendarAttendee(string email, string? commonName = null)
    {
        Email = MailtoAddress.Validate(email);
        CommonName = commonName;
    }

    /// <summary>The bare address (no <c>mailto:</c>).</summary>
    public string Email { get; }

    /// <summary>Display name, written as the quoted <c>CN</c> parameter.</summary>
    public string? CommonName { get; init; }

    public AttendeeRole Role { get; init; } = AttendeeRole.ReqParticipant;

    public ParticipationStatus PartStat { get; init; } = ParticipationStatus.NeedsAction;

    /// <summary>Writes <c>RSVP=TRUE</c>; Gmail hides the answer buttons without it. False omits the parameter (RFC default FALSE).</summary>
    public bool Rsvp { get; init; } = true;

    /// <summary>The property value: <c>mailto:</c> plus the address.</summary>
    public string ToMailtoUri() => "mailto:" + Email;
}
