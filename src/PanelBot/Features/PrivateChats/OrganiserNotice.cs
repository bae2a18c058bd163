using PanelBot.Conversation;
using PanelBot.Domain.Events;

namespace PanelBot.Features.PrivateChats;

/// <summary>
/// Tells an event's creator, 1:1, about participants whom Teams would not let the bot reach privately, and what
/// became of the message meant for them. Once per refusal: later messages go by email without a new notice.
/// </summary>
public sealed class OrganiserNotice(PrivateLine line)
{
    public async Task UnreachableAsync(Event ev, string what, IEnumerable<(string Name, PrivateDelivery Delivery)> people, CancellationToken ct)
    {
        var refused = people.Where(p => p.Delivery.NewlyRefused).ToList();
        if (refused.Count == 0) return;
        var lines = refused.Select(p => $"- {p.Name}: " + (p.Delivery.Outcome == PrivateOutcome.Mail
            ? "sent by email instead"
            : "not sent (I have no email address for them)"));
        var text = $"I couldn't open a private chat in Teams with some participants of **{ev.Reference} {ev.Title}** " +
                   $"(PanelBot isn't installed for them), so {what} did not reach them in chat:\n" + string.Join("\n", lines) +
                   "\n\nAsk them to add PanelBot in Teams (Apps), or to give me an address with `email ADDRESS`.";
        await line.SendAsync(ev.CreatorId, new BotReply(text),
            new PrivateMail($"Participants I could not reach: {ev.Title}", "notice", ev.Id), ct);
    }
}
