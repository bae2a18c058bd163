using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.Notifications;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// Every change of an event's registrations goes the same way: one transaction holding the event's lock, with what
/// observers add (invitation mails) saved in it; then observers act, posted cards show the new counts, and anyone
/// promoted from the waitlist is told.
/// </summary>
public sealed class RsvpChanges(
    RegistrationRepository registrations,
    EventObservers observers,
    EventPublisher publisher,
    RsvpNotifier notifier)
{
    public async Task<DomainResult<RsvpOutcome>> ApplyAsync(Event ev,
        Func<IReadOnlyList<Registration>, DomainResult<RsvpOutcome>> change, CancellationToken ct, bool refreshCards = true)
    {
        var result = await registrations.ChangeAsync(ev, change, ct,
            outcome => observers.BeforeSaveAsync(new EventChange(ev, Rsvp: outcome), ct));
        if (result.Value is not { IsNoChange: false } outcome) return result;
        await observers.AfterSaveAsync(new EventChange(ev, Rsvp: outcome), ct);
        if (refreshCards) await publisher.RefreshPostedCardsAsync(ev, ct);
        foreach (var promoted in outcome.Promoted) await notifier.TellPromotedAsync(ev, promoted, ct);
        return result;
    }
}
