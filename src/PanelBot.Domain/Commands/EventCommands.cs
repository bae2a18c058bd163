using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Commands;

// Small records grouped by area rather than one per file: each is a line, and they are read together.

/// <summary><c>new webinar|panel "TITLE" DATE START-END [ZONE]</c>; <see cref="ZoneId"/> null means the user's default zone.</summary>
public sealed record NewEventCommand(EventKind Kind, string Title, LocalDate Date, LocalTime Start, LocalTime End, string? ZoneId) : Command;

/// <summary><c>new</c>, <c>new webinar</c> or <c>new panel</c> with nothing else: open the new-event form (kind preselected).</summary>
public sealed record NewEventFormCommand(EventKind? Kind) : Command;

/// <summary><c>set #N FIELD VALUE</c>; the value is raw text, applied with <see cref="SetValue.Apply"/>.</summary>
public sealed record SetCommand(EventRef Event, EventField Field, string Value) : EventCommand(Event);

/// <summary><c>show #N</c></summary>
public sealed record ShowCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>events</c>: the events in this conversation or by this organiser.</summary>
public sealed record ListEventsCommand : Command;

/// <summary><c>publish #N</c></summary>
public sealed record PublishCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>cancel #N [REASON]</c></summary>
public sealed record CancelCommand(EventRef Event, string? Reason) : EventCommand(Event);

/// <summary><c>organiser #N add|remove USER</c></summary>
public sealed record OrganiserCommand(EventRef Event, bool Remove, UserRef User) : EventCommand(Event);

/// <summary><c>help [COMMAND]</c></summary>
public sealed record HelpCommand(string? Topic) : Command;

/// <summary><c>demo</c>: create the two sample events.</summary>
public sealed record DemoCommand : Command;
