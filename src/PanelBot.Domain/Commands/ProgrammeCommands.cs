using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Commands;

/// <summary><c>speaker #N add "NAME" ROLE [affiliation "ORG"] [title "JOB"] [topic "TOPIC"] [email ADDRESS] [zone ZONE] [STATUS]</c></summary>
public sealed record AddSpeakerCommand(EventRef Event, Speaker Speaker) : EventCommand(Event);

/// <summary><c>speaker #N remove "NAME"</c></summary>
public sealed record RemoveSpeakerCommand(EventRef Event, string Name) : EventCommand(Event);

/// <summary><c>speaker #N "NAME" confirmed|tbc|invited|declined</c></summary>
public sealed record SpeakerStatusCommand(EventRef Event, string Name, SpeakerStatus Status) : EventCommand(Event);

/// <summary><c>speaker #N "NAME" zone ZONE</c>; a null zone (typed as none) clears it.</summary>
public sealed record SpeakerZoneCommand(EventRef Event, string Name, string? ZoneId) : EventCommand(Event);

/// <summary><c>times #N</c>: start times that suit every speaker's waking hours.</summary>
public sealed record TimesCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>segment #N add "TITLE" MINUTES [lead "NAME"]</c></summary>
public sealed record AddSegmentCommand(EventRef Event, Segment Segment) : EventCommand(Event);

/// <summary><c>segment #N remove POSITION</c> (1-based)</summary>
public sealed record RemoveSegmentCommand(EventRef Event, int Position) : EventCommand(Event);

/// <summary><c>reading #N add "TITLE" URL [by "AUTHOR"] [kind KIND] [after]</c></summary>
public sealed record AddReadingCommand(EventRef Event, Reading Reading) : EventCommand(Event);

/// <summary><c>reading #N remove "TITLE"</c></summary>
public sealed record RemoveReadingCommand(EventRef Event, string Title) : EventCommand(Event);
