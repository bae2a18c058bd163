using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.BotFramework;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Features.Events;
using PanelBot.Features.People;
using PanelBot.Features.Rsvp;
using PanelBot.Storage;

namespace PanelBot.Features.TeamsQueue;

/// <summary>Does one piece of queued Teams work, within Teams' rate limits. Throws what should be tried again.</summary>
public sealed class TeamsWorkRunner(
    PanelBotDbContext db,
    EventPublisher publisher,
    ConversationStore conversations,
    INoticeRoute route,
    IBotAdapter adapter,
    TeamsRateLimits limits,
    UserProfiles profiles,
    RsvpPersonalData rsvp,
    PrivateChats.PrivateLine line,
    ILogger<TeamsWorkRunner> logger)
{
    public Task RunAsync(TeamsWorkItem item, CancellationToken ct) => item.Kind switch
    {
        TeamsWorkKinds.RefreshCards => RefreshCardsAsync(Read<CardRefresh>(item), ct),
        TeamsWorkKinds.Notice => NoticeAsync(Read<PersonalNotice>(item), ct),
        TeamsWorkKinds.MemberLookup => LookUpAsync(Read<MemberLookup>(item), ct),
        _ => LogUnknown(item),
    };

    private async Task RefreshCardsAsync(CardRefresh work, CancellationToken ct)
    {
        if (await EventAsync(work.EventId, ct) is not { } ev)
        {
            return;
        }

        var postings = await publisher.PostingsAsync(ev, ct);
        if (postings.Count == 0)
        {
            return;
        }

        var view = await publisher.SharedViewAsync(ev, ct);
        foreach (var posting in postings)
        {
            var reference = await conversations.FindAsync(posting.ChannelId, posting.ConversationId, ct);
            if (reference is null)
            {
                continue;
            }

            await WithinLimitsAsync(reference, ct);
            try
            {
                await publisher.RefreshPostingAsync(ev, posting, reference, view, ct);
            }
            catch (ConnectorException ex) when (!ex.IsTransient)
            {
                // Deleted message, or the bot was removed: the other copies still get their refresh.
                logger.LogWarning(ex, "Could not update the card of event {EventNumber} in conversation {ConversationId}",
                    ev.Number, posting.ConversationId);
            }
        }
    }

    private async Task NoticeAsync(PersonalNotice notice, CancellationToken ct)
    {
        if (await EventAsync(notice.EventId, ct) is not { } ev)
        {
            return;
        }

        if (!await limits.WaitAsync(route.RateKey(notice), null, ct))
        {
            throw new TeamsThrottledException($"Too much queued for {notice.UserId}.");
        }

        await route.DeliverAsync(ev, notice, ct);
    }

    private async Task LookUpAsync(MemberLookup lookup, CancellationToken ct)
    {
        if ((await profiles.FindAsync(lookup.UserId, ct))?.Email is not null)
        {
            return; // learnt meanwhile
        }

        var reference = await conversations.FindByConversationAsync(lookup.ConversationId, ct);
        if (reference is null)
        {
            return;
        }

        await WithinLimitsAsync(reference, ct);
        TeamsChannelAccount? member = null;
        await adapter.ContinueConversationAsync(reference, async (turn, token) =>
            member = await turn.Connector.GetConversationMemberAsync(lookup.RosterId ?? lookup.ConversationId, lookup.MemberId ?? lookup.UserId, token), ct);
        // Held to the sending path's rules like every address that comes in (an IDN domain is kept as its A-label).
        if (!EmailEntry.TryAccept(member?.Email, out var email))
        {
            return;
        }
        // Teams knows the member's address: remember it, and send the invitations the answer could not carry.
        await profiles.RememberEmailAsync(lookup.UserId, lookup.UserName, email, ct);
        await line.SendAsync(lookup.UserId, new BotReply($"I took your address {email} from your Teams profile for calendar invitations. " +
            "Type `email ADDRESS` to use another, or `forget me` to remove it."), null, ct);
        await rsvp.SendPendingInvitationsAsync(lookup.UserId, lookup.UserName, email, ct);
    }

    private async Task WithinLimitsAsync(ConversationReference reference, CancellationToken ct)
    {
        if (!await limits.WaitAsync(reference.Conversation?.Id ?? "", reference.Conversation?.TenantId, ct))
        {
            throw new TeamsThrottledException($"Too much queued for conversation {reference.Conversation?.Id}.");
        }
    }

    private Task<Event?> EventAsync(long id, CancellationToken ct) => EventById.For(db)(db, id, ct);

    // Every card refresh and notice an answer queues looks its event up: compiled once rather than translated per call.
    private static readonly CompiledQuery<Func<PanelBotDbContext, long, CancellationToken, Task<Event?>>> EventById = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, long id, CancellationToken ct) => db.Events.AsNoTracking().SingleOrDefault(e => e.Id == id)));

    private static T Read<T>(TeamsWorkItem item) =>
        JsonSerializer.Deserialize<T>(item.Payload) ?? throw new JsonException($"Empty {item.Kind} payload.");

    private Task LogUnknown(TeamsWorkItem item)
    {
        logger.LogWarning("Teams work {Id} has an unknown kind {Kind} and is dropped", item.Id, item.Kind);
        return Task.CompletedTask;
    }
}
