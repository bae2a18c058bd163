namespace PanelBot.Domain.Programme;

/// <summary>Before-event readings go on the card, invitation and last reminder; after-event ones in the follow-up.</summary>
public enum ReadingTiming
{
    Before,
    After,
}
