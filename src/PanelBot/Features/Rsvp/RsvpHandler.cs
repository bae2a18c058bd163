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

/// <summary>RSVPs by button or text, with capacity, waitlist and promotion; the participant-facing lists.</summary>
public sealed class RsvpHandler(
    EventActions actions,
    RegistrationRepository registrations,
    UserProfiles profiles,
    RsvpChanges changes,
    PersonalData personalData,
    TimeProvider clock,
    PanelBotMetrics metrics,
    ILogger<RsvpHandler> logger)
{
    public async Task<BotReply> AnswerAsync(TurnRequest request, EventRef reference, RsvpAnswer answer, string? email, CancellationToken ct)
    {
        var ev = await actions.FindAsync(request, reference, ct);
        if (ev is null) return EventActions.NotFound(reference);
        if (email is not null)
        {
            if (!EmailEntry.TryAccept(email, out var usable)) return EmailEntry.Refusal;
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
                source = $"I took your address {email} from your Teams profile for calendar invitations. " +
                         "Type `email ADDRESS` to use another, or `forget me` to remove it.";
            else
                lookup = new MemberLookup(ev.Id, request.UserId, request.UserName, conversationId, rosterId);
        }

        var rsvp = new RsvpRequest(request.UserId, request.UserName, answer, email, request.Activity.Conversation?.Id);
        var result = await AnswerAsync(ev, rsvp, ct, queue: lookup is null ? null : (_, work) => work.LookUpAsync(lookup, ct));
        if (!result.IsSuccess) return result.ErrorMessage;
        var outcome = result.Value!;
        var lead = outcome.Message;
        if (email is null && answer != RsvpAnswer.No)
            lead += lookup is null
                ? " To get the calendar invitation by email, tell me your address: `email you@example.org`."
                : " I'll send the calendar invitation to the address Teams has for you; if it has none, or you'd like another, tell me: `email you@example.org`.";
        // The answer is drawn from the committed change itself: no second look at the database, nothing from Teams.
        var reply = actions.Show(request, ev, outcome.Counts, outcome.Registration, lead,
            sharedNote: $"Thanks, {request.UserName}: I've sent you your answer for {ev.Reference} in a private chat.");
        return source is null ? reply : reply with { Notes = [.. reply.Notes, source] };
    }

    public async Task<BotReply> MyEventsAsync(TurnRequest request, CancellationToken ct)
    {
        var mine = await registrations.ForUserAsync(request.UserId, ct);
        if (mine.Count == 0) return "You haven't answered any upcoming events. Type `events` to see what's on.";
        var text = new StringBuilder("Your upcoming events:\n");
        foreach (var (ev, registration) in mine)
            text.AppendLine($"- **{ev.Reference}** {ev.Title}: {EventCard.When(ev)} · {Describe(registration)}");
        return ((BotReply)text.ToString().TrimEnd()).ForRequesterOnly("your events");
    }

    public async Task<BotReply> AttendeesAsync(TurnRequest request, EventRef reference, CancellationToken ct)
    {
        var ev = await actions.FindAsync(request, reference, ct);
        if (ev is null) return EventActions.NotFound(reference);
        var list = await registrations.ListAsync(ev, ct);
        var counts = RsvpBook.Count(ev, list);
        var summary = $"{ev.Reference} {ev.Title}: {counts.Going} going, {counts.Maybe} maybe, {counts.No} can't go" +
                      (counts.Waitlisted > 0 ? $", {counts.Waitlisted} waiting" : "") +
                      (counts.AwaitingApproval > 0 ? $", {counts.AwaitingApproval} awaiting approval" : "") + ".";
        if (!ev.CanEdit(request.UserId)) return summary;
        var text = new StringBuilder(summary).AppendLine();
        foreach (var r in list.OrderBy(r => r.State).ThenBy(r => r.WaitlistPosition ?? 0).ThenBy(r => r.CreatedAt))
            text.AppendLine($"- {r.UserName}{(r.Email is { } mail ? $" <{mail}>" : "")}: {Describe(r)}");
        return ((BotReply)text.ToString().TrimEnd()).ForRequesterOnly($"the attendee list of {ev.Reference}");
    }

    public async Task<BotReply> RememberEmailAsync(TurnRequest request, string address, CancellationToken ct)
    {
        if (!EmailEntry.TryAccept(address, out var email)) return EmailEntry.Refusal;
        await profiles.RememberEmailAsync(request.UserId, request.UserName, email, ct);
        await SendPendingInvitationsAsync(request.UserId, request.UserName, email, ct);
        return ((BotReply)$"Thanks, I'll send calendar invitations to {email}. Type `forget me` to remove it.")
            .ForRequesterOnly("a confirmation");
    }

    /// <summary>Events the user is already going to, answered before their address was known, get their invitations now.</summary>
    public async Task SendPendingInvitationsAsync(string userId, string userName, string email, CancellationToken ct)
    {
        var pending = await registrations.ForUserAsync(userId, ct);
        foreach (var (ev, registration) in pending.Where(p => p.Registration.State == RsvpState.Going && p.Registration.Email is null))
        {
            var tracked = await actions.FindAsync(EventRef.ForNumber(ev.Number), ct);
            if (tracked is null) continue;
            // The answer stays "going", so the posted cards do not change.
            await AnswerAsync(tracked, new RsvpRequest(userId, userName, RsvpAnswer.Going, email, registration.ConversationId), ct,
                refreshCards: false);
        }
    }

    /// <summary>
    /// Applies an answer. An address that arrives for someone already going counts as a change, so the invitation they
    /// could not get before goes out now.
    /// </summary>
    private async Task<DomainResult<RsvpOutcome>> AnswerAsync(Event ev, RsvpRequest rsvp, CancellationToken ct, bool refreshCards = true,
        Func<RsvpOutcome, TeamsWork, Task>? queue = null)
    {
        var result = await changes.ApplyAsync(ev, rsvp.UserId, facts =>
        {
            var emailBefore = facts.Registration?.Email;
            var answered = RsvpBook.Answer(ev, facts, rsvp, clock);
            return answered.Value is { IsNoChange: true, Registration: { State: RsvpState.Going, Email: not null } going } && emailBefore is null
                ? DomainResult<RsvpOutcome>.Ok(answered.Value with { PreviousState = null, StateChanged = true, Registration = going }, answered.Notes)
                : answered;
        }, ct, refreshCards, queue);
        if (result.Value is { IsNoChange: false } outcome) metrics.Rsvp(rsvp.Answer, outcome.Registration?.State);
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
            var member = await request.Turn.Connector.GetConversationMemberAsync(rosterId, request.UserId, budget.Token);
            if (!EmailEntry.TryAccept(member?.Email, out var email)) return null;
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

    /// <summary><c>approve</c>/<c>decline #N USER</c>: an organiser's answer to a registration in approval mode.</summary>
    public async Task<BotReply> DecideAsync(TurnRequest request, EventRef reference, UserRef user, bool approve, CancellationToken ct)
    {
        var ev = await actions.FindAsync(reference, ct);
        if (ev is null) return EventActions.NotFound(reference);
        var allowed = ev.CheckCanEdit(request.UserId);
        if (!allowed.IsSuccess) return allowed.ErrorMessage;
        var userId = await ResolveRegistrantAsync(request, ev, user, ct);
        if (userId is null) return $"{user} has no registration for {ev.Reference}. Type `attendees {ev.Reference}` to see who asked.";
        var result = await changes.ApplyAsync(ev, userId, facts => approve
            ? RsvpBook.Approve(ev, facts, userId, request.UserId, clock)
            : RsvpBook.Decline(ev, facts, userId, request.UserId, clock), ct,
            queue: (outcome, work) =>
            {
                if (outcome.Registration is { } decided) work.Notify(RsvpNotices.Decision(ev, decided, approve));
                return Task.CompletedTask;
            });
        return result.IsSuccess ? ((BotReply)result.Value!.Message).ForRequesterOnly("the result") : result.ErrorMessage;
    }

    /// <summary><c>forget me</c>: asks first; <c>forget me confirm</c> withdraws every RSVP and deletes the address.</summary>
    public async Task<BotReply> ForgetAsync(TurnRequest request, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            const string ask = "This deletes your email address and withdraws all your RSVPs (your seats go to the waitlist). " +
                               "To go ahead, type `forget me confirm`.";
            var card = Cards.Ac.Card([Cards.Ac.Text(ask)],
                [Cards.Ac.Action(request.Surface, "Yes, forget me", ForgetVerb, style: "destructive")], fallbackText: ask);
            return new BotReply(ask, card).ForRequesterOnly("what `forget me` does");
        }
        var addresses = await personalData.AddressesOfAsync(request.UserId, ct);
        var withdrawn = 0;
        foreach (var ev in await registrations.EventsOfAsync(request.UserId, ct))
        {
            var result = await changes.ApplyAsync(ev, request.UserId, facts => RsvpBook.Withdraw(ev, facts, request.UserId, clock), ct);
            if (result.IsSuccess) withdrawn++;
        }
        await personalData.EraseAsync(request.UserId, addresses, ct);
        BotReply done = withdrawn == 0
            ? "Done: I no longer have your email address, and you had no RSVPs."
            : $"Done: I deleted your email address and withdrew {withdrawn} RSVP{(withdrawn == 1 ? "" : "s")}.";
        return done.ForRequesterOnly("a confirmation");
    }

    public const string ForgetVerb = "forgetMe";

    private async Task<string?> ResolveRegistrantAsync(TurnRequest request, Event ev, UserRef user, CancellationToken ct)
    {
        var (userId, _) = Mentions.Resolve(request.Activity, user);
        if (userId is not null && await registrations.FindAsync(ev, userId, ct) is { } byId) return byId.UserId;
        var list = await registrations.ListAsync(ev, ct);
        return list.FirstOrDefault(r => string.Equals(r.UserName, user.Text, StringComparison.OrdinalIgnoreCase))?.UserId;
    }

    private static string Describe(Registration r) => r.State switch
    {
        RsvpState.Going => "going",
        RsvpState.Maybe => "maybe",
        RsvpState.No => "can't go",
        RsvpState.Waitlisted => $"waitlisted (number {r.WaitlistPosition})",
        RsvpState.AwaitingApproval => "awaiting approval",
        _ => r.State.ToString(),
    };
}
