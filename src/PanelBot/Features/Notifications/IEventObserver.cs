using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Notifications;

/// <summary>What changed: an edit of the event (publish and cancel included), or an RSVP.</summary>
public sealed record EventChange(Event Event, EventUpdate? Update = null, RsvpOutcome? Rsvp = null);

/// <summary>
/// Features that react to changes of events (invitation mails, scheduled reminders). Every observer registered in DI
/// is called for every change.
/// </summary>
public interface IEventObserver
{
    /// <summary>
    /// Runs inside the unit of work, before it is saved: whatever an observer adds to the scoped DbContext (e.g. an
    /// outbox mail) is committed in the same transaction as the change that causes it, or not at all.
    /// </summary>
    Task BeforeSaveAsync(EventChange change, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Runs after the change is committed: work outside the database transaction (e.g. Quartz triggers).</summary>
    Task AfterSaveAsync(EventChange change, CancellationToken ct) => Task.CompletedTask;
}
