using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Features.Scheduling.Delivery;

namespace PanelBot.Features.PrivateChats;

/// <summary>
/// Tells an event's creator, 1:1, about participants whom Teams would not let the bot reach privately, and what
/// became of the message meant for them. Once per person and event (claimed in the delivery log): later messages
/// go by email without a new notice.
/// </summary>
public sealed class OrganiserNotice(PrivateLine line, DeliveryLog log)
{
    public const string Kind = "notice";

    public async Task UnreachableAsync(Event ev, string what, IEnumerable<(string UserId, string Name, PrivateDelivery Delivery)> people,
        CancellationToken ct)
    {
        var refused = people.Where(p => p.Delivery.ChatRefused).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var told = await log.SentKeysAsync(ev.Id, Kind, ct);
        refused = refused.Where(p => !told.Contains(Key(ev, p.UserId))).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        foreach (var p in refused)
        {
            log.Add(ev.Id, Kind, Key(ev, p.UserId), DeliveryLog.Chat);
        }

        if (!await log.TryCommitAsync(ct))
        {
            return; // another run is telling them
        }

        var lines = refused.Select(p => $"- {p.Name}: " + (p.Delivery.Outcome == PrivateOutcome.Mail
            ? $"{what} went by email instead"
            : $"{what} was not sent (I have no email address for them)"));
        var text = $"I couldn't open a private chat in Teams with some participants of **{ev.Reference} {ev.Title}** " +
                   "(PanelBot isn't installed for them):\n" + string.Join("\n", lines) +
                   "\n\nAsk them to add PanelBot in Teams (Apps), or to give me an address with `email ADDRESS`.";
        await line.SendAsync(ev.CreatorId, new BotReply(text),
            new PrivateMail($"Participants I could not reach: {ev.Title}", Kind, ev.Id), ct);
    }

    private static string Key(Event ev, string userId) => $"{ev.Id}:unreachable:{userId}";
}
