namespace PanelBot.Domain.Programme;

public enum RunOfShowFit
{
    /// <summary>No segments yet.</summary>
    Empty,
    Fits,
    ExactlyFills,
    Overruns,
}
