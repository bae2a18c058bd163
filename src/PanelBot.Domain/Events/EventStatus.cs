namespace PanelBot.Domain.Events;

/// <summary>Draft → Published → Completed; Draft or Published → Cancelled. Cancelled and Completed are read-only.</summary>
public enum EventStatus
{
    Draft,
    Published,
    Cancelled,
    Completed,
}
