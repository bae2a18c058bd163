namespace PanelBot.Domain.Programme;

public enum SpeakerRole
{
    Moderator,
    Chair,
    /// <summary>Also called "case study".</summary>
    Presenter,
    Discussant,
    Panellist,
    Keynote,
}
