namespace PanelBot.Domain.Rsvp;

/// <summary>Where a registration stands. Only Going holds a seat.</summary>
public enum RsvpState
{
    Going,
    Maybe,
    No,
    Waitlisted,
    AwaitingApproval,
}
