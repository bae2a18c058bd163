namespace PanelBot.Domain.Commands;

/// <summary>Fields the <c>set</c> command changes; names match <see cref="Events.EventFields"/>.</summary>
public enum EventField
{
    Title,
    Summary,
    Description,
    Date,
    Start,
    End,
    Zone,
    Venue,
    Link,
    Platform,
    Passcode,
    DialIn,
    Recorded,
    Hosts,
    Contact,
    PartOf,
    Tags,
    Capacity,
    Deadline,
    Approval,
    Release,
    Kind,
}
