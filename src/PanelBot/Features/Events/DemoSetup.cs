using Microsoft.Extensions.Options;
using PanelBot.Conversation;
using PanelBot.Conversation.Limits;
using PanelBot.Domain.Demo;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Notifications;

namespace PanelBot.Features.Events;

/// <summary>
/// <c>demo</c>: the two real events of the product description, published in the coming weeks and owned by the
/// caller, so a newcomer can RSVP, see reminders planned and mail queued at once.
/// </summary>
public sealed class DemoSetup(EventRepository events, EventObservers observers, IOptions<EventsOptions> options, TurnLimiter limiter,
    TimeProvider clock)
{
    public async Task<BotReply> CreateAsync(TurnRequest request, CancellationToken ct)
    {
        if (!limiter.TryCreateEvents(request.Activity, count: 2))
        {
            return EventActions.TooManyNewEvents;
        }

        var created = await events.AddAllAsync(first => DemoEvents.Create(clock, request.UserId, first), ct);
        // They are born published, so the features that act on publishing (invitations, reminders) hear of it here.
        var changes = created.Select(ev => new EventChange(ev, new EventUpdate(EventChanges.Status, []))).ToList();
        foreach (var change in changes)
        {
            await observers.BeforeSaveAsync(change, ct);
        }

        await events.SaveAsync(ct);
        foreach (var change in changes)
        {
            await observers.AfterSaveAsync(change, ct);
        }

        var lines = created.Select(e => $"- **{e.Reference}** {e.Title}: {EventCard.When(e)}");
        var reply = "I created two sample events, published and ready for RSVPs:\n" + string.Join("\n", lines) +
                    $"\n\nTry `rsvp {created[0].Reference} going`, `show {created[1].Reference}` or `schedule {created[0].Reference}`. " +
                    "You organise both, so you can change anything.";
        var webinar = created[0];
        var card = EventCard.RenderCard(webinar, RsvpCounts.For([], webinar.Capacity),
            new EventViewer(request.UserId, request.ClientZone, true, null, null, true) { SpeakerHours = options.Value.SpeakerWakingHours },
            request.Surface);
        return new BotReply(reply, card) { Lead = reply }
            .ForRequesterOnly($"two sample events ({created[0].Reference} and {created[1].Reference}) with the organiser's view");
    }
}
