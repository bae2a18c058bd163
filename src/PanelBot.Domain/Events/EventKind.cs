namespace PanelBot.Domain.Events;

public enum EventKind
{
    Webinar,
    Panel,
}
