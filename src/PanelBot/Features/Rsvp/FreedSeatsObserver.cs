using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Notifications;

namespace PanelBot.Features.Rsvp;

/// <summary>More seats after an edit: the first on the waitlist move up, and hear about it.</summary>
/// <remarks>
/// <see cref="RsvpChanges"/> calls every observer itself, this one included, so it is resolved when needed (from the
/// same scope) rather than injected, which would be a cycle.
/// </remarks>
public sealed class FreedSeatsObserver(IServiceProvider services, TimeProvider clock) : IEventObserver
{
    public async Task AfterSaveAsync(EventChange change, CancellationToken ct)
    {
        if (change.Update is not { } update || (update.Changes & EventChanges.Capacity) == 0)
        {
            return;
        }

        var ev = change.Event;
        // The edit that added the seats refreshes the posted cards right after.
        await services.GetRequiredService<RsvpChanges>().ApplyAsync(ev, null,
            facts => DomainResult<RsvpOutcome>.Ok(RsvpBook.Rebalance(ev, facts, clock)), ct, refreshCards: false);
    }
}
