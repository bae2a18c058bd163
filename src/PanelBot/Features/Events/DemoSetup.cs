using PanelBot.Conversation;
using PanelBot.Domain.Demo;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Events;

/// <summary><c>demo</c>: the two real events of the product description, in the coming weeks, owned by the caller.</summary>
public sealed class DemoSetup(EventRepository events, TimeProvider clock)
{
    public async Task<BotReply> CreateAsync(TurnRequest request, CancellationToken ct)
    {
        var created = await events.AddAllAsync(first => DemoEvents.Create(clock, request.UserId, first), ct);
        var lines = created.Select(e => $"- **{e.Reference}** {e.Title}: {EventCard.When(e)}");
        var reply = "I created two sample events (drafts you can edit):\n" + string.Join("\n", lines) +
                    $"\n\nTry `show {created[0].Reference}`, then `publish {created[0].Reference}` to post it here for RSVPs.";
        var webinar = created[0];
        var card = EventCard.RenderCard(webinar, RsvpCounts.For([], webinar.Capacity),
            new EventViewer(request.UserId, request.ClientZone, true, null, null, true), request.Surface);
        return new BotReply(reply, card) { Lead = reply };
    }
}
