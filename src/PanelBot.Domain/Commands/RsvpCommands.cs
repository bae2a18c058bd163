using NodaTime;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Commands;

/// <summary><c>rsvp #N going|maybe|no [email ADDRESS]</c></summary>
public sealed record RsvpCommand(EventRef Event, RsvpAnswer Answer, string? Email) : EventCommand(Event);

/// <summary><c>my events</c></summary>
public sealed record MyEventsCommand : Command;

/// <summary><c>attendees #N</c> (organisers see names, others counts)</summary>
public sealed record AttendeesCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>export #N</c>: the attendee list as CSV.</summary>
public sealed record ExportCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>approve #N USER</c></summary>
public sealed record ApproveCommand(EventRef Event, UserRef User) : EventCommand(Event);

/// <summary><c>decline #N USER</c></summary>
public sealed record DeclineCommand(EventRef Event, UserRef User) : EventCommand(Event);

/// <summary><c>email ADDRESS</c>: remember my address for invitations.</summary>
public sealed record EmailCommand(string Address) : Command;

/// <summary><c>forget me [confirm]</c>: delete my address and registrations (asks first, unless confirmed).</summary>
public sealed record ForgetMeCommand(bool Confirmed = false) : Command;

/// <summary><c>remind #N 3d,1h</c>: reminder offsets before the start, largest first.</summary>
public sealed record RemindCommand(EventRef Event, IReadOnlyList<Duration> Offsets) : EventCommand(Event);

/// <summary><c>schedule #N</c>: the scheduled work for an event.</summary>
public sealed record ScheduleCommand(EventRef Event) : EventCommand(Event);

/// <summary><c>outbox #N</c>: the mail queue for an event.</summary>
public sealed record OutboxCommand(EventRef Event) : EventCommand(Event);
