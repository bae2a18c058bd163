using System.Text;
using NodaTime;
using PanelBot.BotFramework;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Domain.Text;
using PanelBot.Features.Events;
using PanelBot.Features.Notifications;
using PanelBot.Features.Operations;
using PanelBot.Features.People;
using PanelBot.Features.TeamsQueue;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>A participant's RSVPs by button or text, with capacity, waitlist and promotion, and their own list.</summary>
public sealed class RsvpHandler(
    EventActions actions,
    EventLookup eventLookup,
    RegistrationRepository registrations,
    UserProfiles profiles,
    RsvpChanges changes,
    TimeProvider clock,
    PanelBotMetrics metrics,
    ILogger<RsvpHandler> logger)
{
    public async Task<BotReply> AnswerAsync(TurnRequest request, EventRef reference, RsvpAnswer answer, string? email, CancellationToken ct)
    {
        // An answer changes registrations and the counters (by SQL), never the event entity itself.
        var ev = await eventLookup.FindForReadingAsync(request, reference, ct);
        if (ev is null)
        {
            return EventLookup.NotFound(reference);
        }

        if (email is not null)
        {
            if (!EmailEntry.TryAccept(email, out var usable))
            {
                return EmailEntry.Refusal;
            }

            email = usable;
            await profiles.RememberEmailAsync(request.UserId, request.UserName, email, ct);
        }
        email ??= (await profiles.FindAsync(request.UserId, ct))?.Email;
        string? source = null;
        MemberLookup? lookup = null;
        // In a channel the roster belongs to the team: the thread id is not a conversation the member API knows
        // (botbuilder's TeamsInfo.GetMemberAsync asks with the team id too).
        var rosterId = request.Scope == Conversation.ConversationScope.Channel ? request.TeamId : request.Activity.Conversation?.Id;
        if (email is null && answer != RsvpAnswer.No && request.Activity.ChannelId == Channels.MsTeams
            && rosterId is not null && request.Activity.Conversation?.Id is { } conversationId)
        {
            // Teams knows the member's address. Asked once, briefly: a slow or throttling Teams does not hold the click,
            // the look-up is queued instead and the invitation follows when it answers.
            email = await EmailFromTeamsAsync(request, rosterId, ct);
            if (email is not null)
            {
                source = $"I took your address {email} from your Teams profile for calendar invitations. " +
                         "Type `email ADDRESS` to use another, or `forget me` to remove it.";
            }
            else
            {
                lookup = new MemberLookup(ev.Id, request.UserId, request.UserName, conversationId, rosterId) { MemberId = request.MemberId };
            }
        }

        var rsvp = new RsvpRequest(request.UserId, request.UserName, answer, email, request.Activity.Conversation?.Id);
        var result = await AnswerAsync(ev, rsvp, ct, queue: lookup is null ? null : (_, work) => work.LookUpAsync(lookup, ct));
        if (!result.IsSuccess)
        {
            return result.ErrorMessage;
        }

        var outcome = result.Value!;
        var lead = outcome.Message;
        if (email is null && answer != RsvpAnswer.No)
        {
            lead += lookup is null
                ? " To get the calendar invitation by email, tell me your address: `email you@example.org`."
                : " I'll send the calendar invitation to the address Teams has for you; if it has none, or you'd like another, tell me: `email you@example.org`.";
        }
        // The answer is drawn from the committed change itself: no second look at the database, nothing from Teams.
        var reply = actions.Show(request, ev, outcome.Counts, outcome.Registration, outcome.WaitlistPlace, lead,
            sharedNote: $"Thanks, {request.UserName}: I've sent you your answer for {ev.Reference} in a private chat.");
        return source is null ? reply : reply with { Notes = [.. reply.Notes, source] };
    }

    public async Task<BotReply> MyEventsAsync(TurnRequest request, CancellationToken ct)
    {
        var mine = await registrations.ForUserAsync(request.UserId, ct);
        if (mine.Count == 0)
        {
            return "You haven't answered any upcoming events. Type `events` to see what's on.";
        }

        var text = new StringBuilder("Your upcoming events:\n");
        foreach (var (ev, registration) in mine)
        {
            var place = await registrations.WaitlistPlaceAsync(registration, ct);
            text.AppendLine($"- **{ev.Reference}** {ev.Title}: {EventCard.When(ev)} · {RsvpLabels.Describe(registration, place)}");
        }

        return ((BotReply)text.ToString().TrimEnd()).ForRequesterOnly("your events");
    }

    /// <summary>Applies an answer (a late address counts as a change: <see cref="RsvpBook.Answer"/>).</summary>
    internal async Task<DomainResult<RsvpOutcome>> AnswerAsync(Event ev, RsvpRequest rsvp, CancellationToken ct, bool refreshCards = true,
        Func<RsvpOutcome, TeamsWork, Task>? queue = null)
    {
        var result = await changes.ApplyAsync(ev, rsvp.UserId, facts => RsvpBook.Answer(ev, facts, rsvp, clock), ct, refreshCards, queue);
        if (result.Value is { IsNoChange: false } outcome)
        {
            metrics.Rsvp(rsvp.Answer, outcome.Registration?.State);
        }

        return result;
    }

    /// <summary>How long an answer waits for Teams' member look-up before leaving it to the background queue.</summary>
    public static readonly TimeSpan MemberLookupBudget = TimeSpan.FromSeconds(2);

    private async Task<string?> EmailFromTeamsAsync(TurnRequest request, string rosterId, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(MemberLookupBudget);
        try
        {
            var member = await request.Turn.Connector.GetConversationMemberAsync(rosterId, request.MemberId, budget.Token);
            if (!EmailEntry.TryAccept(member?.Email, out var email))
            {
                return null;
            }

            await profiles.RememberEmailAsync(request.UserId, request.UserName, email, ct);
            return email;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // over budget: queued
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            logger.LogInformation(ex, "Teams did not give the address of a member of {RosterId} now; asking again in the background", rosterId);
            return null;
        }
    }
}
