using PanelBot.BotFramework;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

/// <summary>Posts event cards to conversations and keeps every posted copy current.</summary>
public sealed class EventPublisher(
    EventRepository events,
    IAttendance registrations,
    ConversationStore conversations,
    People.NamedPeople people,
    IBotAdapter adapter,
    ILogger<EventPublisher> logger)
{
    public async Task PostAsync(TurnRequest request, Event ev, CancellationToken ct)
    {
        var (counts, shared) = await SharedViewAsync(ev, ct);
        var card = EventCard.Render(ev, counts, shared, request.Surface);
        var reply = card with
        {
            // Channels without cards show only Text, which must say it too.
            Text = $"{ev.Reference} is published.\n\n{card.Text}",
            Lead = $"{ev.Reference} is published. Answer with the buttons below, or type `rsvp {ev.Reference} going`.",
        };
        var sent = await request.SendAsync(reply, ct);
        if (sent?.Id is { Length: > 0 } activityId && request.Activity.Conversation?.Id is { } conversationId)
        {
            await events.AddPostingAsync(ev, request.Activity.ChannelId ?? "", conversationId, activityId, ct);
        }
    }

    /// <summary>The card everyone in a group chat or channel may see; Teams refreshes it into each viewer's own view.</summary>
    public async Task<BotReply> SharedCardAsync(Event ev, CardSurface surface, CancellationToken ct)
    {
        var (counts, shared) = await SharedViewAsync(ev, ct);
        return EventCard.Render(ev, counts, shared, surface);
    }

    /// <summary>The copy everyone sees: no personal state, refreshed in Teams into each participant's own view.</summary>
    public async Task<(Domain.Rsvp.RsvpCounts, EventViewer)> SharedViewAsync(Event ev, CancellationToken ct)
    {
        var participants = await registrations.ParticipantIdsAsync(ev, EventCard.MaxRefreshUsers, ct);
        var keys = new[] { ev.CreatorId }.Concat(ev.CoOrganisers.Select(o => o.UserId)).Concat(participants).ToList();
        return (await registrations.CountsAsync(ev, ct),
            EventViewer.Anyone() with { Participants = participants, AccountIds = await people.AccountIdsAsync(keys, ct) });
    }

    public Task<IReadOnlyList<EventPosting>> PostingsAsync(Event ev, CancellationToken ct) => events.PostingsAsync(ev, ct);

    /// <summary>Updates one posted copy in place; connector failures are thrown to the caller (the background queue retries).</summary>
    public async Task RefreshPostingAsync(Event ev, EventPosting posting, ConversationReference reference,
        (Domain.Rsvp.RsvpCounts Counts, EventViewer Shared) view, CancellationToken ct)
    {
        var reply = EventCard.Render(ev, view.Counts, view.Shared, CardSurface.For(posting.ChannelId));
        var activity = ReplySender.ToActivity(reply, CardSurface.For(posting.ChannelId));
        activity.Id = posting.ActivityId;
        await adapter.ContinueConversationAsync(reference, (turn, token) => turn.UpdateActivityAsync(activity, token), ct);
    }

    /// <summary>Updates every posted copy of the card in place (counts, times, status). Failures are logged, not thrown.</summary>
    public async Task RefreshPostedCardsAsync(Event ev, CancellationToken ct)
    {
        var postings = await events.PostingsAsync(ev, ct);
        if (postings.Count == 0)
        {
            return;
        }

        var (counts, shared) = await SharedViewAsync(ev, ct);
        foreach (var posting in postings)
        {
            var reference = await conversations.FindAsync(posting.ChannelId, posting.ConversationId, ct);
            if (reference is null)
            {
                continue;
            }

            try
            {
                await RefreshPostingAsync(ev, posting, reference, (counts, shared), ct);
            }
            catch (ConnectorException ex) when (ex.IsBotRemoved)
            {
                // Removed from the team or chat: no use trying again with every change.
                await conversations.MarkDeadAsync(posting.ChannelId, posting.ConversationId, ct);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
            {
                logger.LogWarning(ex, "Could not update the card of event {EventNumber} in conversation {ConversationId}",
                    ev.Number, posting.ConversationId);
            }
        }
    }
}
