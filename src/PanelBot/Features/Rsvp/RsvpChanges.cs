using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Notifications;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// Every change of an event's registrations goes the same way: one transaction holding the event's lock, with what
/// observers add (invitation mails) and the Teams work it causes (refreshing the posted cards, telling anyone promoted)
/// saved in it; then observers act and the queue is woken. Nothing here waits for Teams.
/// </summary>
public sealed class RsvpChanges(RegistrationRepository registrations, EventObservers observers, TeamsWork work)
{
    /// <param name="userId">Whose registration the change is about (null for none, e.g. a rebalance).</param>
    /// <param name="queue">More Teams work the change causes (e.g. a decision notice), queued in its transaction.</param>
    public async Task<DomainResult<RsvpOutcome>> ApplyAsync(Event ev, string? userId,
        Func<RsvpFacts, DomainResult<RsvpOutcome>> change, CancellationToken ct, bool refreshCards = true,
        Func<RsvpOutcome, TeamsWork, Task>? queue = null)
    {
        var result = await registrations.ChangeAsync(ev, userId, change, ct, async outcome =>
        {
            await observers.BeforeSaveAsync(new EventChange(ev, Rsvp: outcome), ct);
            foreach (var promoted in outcome.Promoted)
            {
                work.Notify(RsvpNotices.Promoted(ev, promoted));
            }

            if (queue is not null)
            {
                await queue(outcome, work);
            }

            if (refreshCards)
            {
                work.RefreshCards(ev.Id);
            }
        });
        if (result.Value is not { IsNoChange: false } outcome)
        {
            return result;
        }

        work.Wake();
        await observers.AfterSaveAsync(new EventChange(ev, Rsvp: outcome), ct);
        return result;
    }
}
