namespace PanelBot.Domain.Rsvp;

/// <summary>What a participant says.</summary>
public enum RsvpAnswer
{
    Going,
    Maybe,
    No,
}
