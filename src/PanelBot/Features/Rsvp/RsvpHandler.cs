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
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>RSVPs by button or text, with capacity, waitlist and promotion; the participant-facing lists.</summary>
public sealed class RsvpHandler(
    EventActions actions,
    RegistrationRepository registrations,
    UserProfiles profiles,
    RsvpChanges changes,
    RsvpNotifier notifier,
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
        string? source = null;
        if (email is null)
        {
            (email, var fromTeams) = await EmailForAsync(request, ct);
            if (fromTeams)
                source = $"I took your address {email} from your Teams profile for calendar invitations. " +
                         "Type `email ADDRESS` to use another, or `forget me` to remove it.";
        }

        var rsvp = new RsvpRequest(request.UserId, request.UserName, answer, email, request.Activity.Conversation?.Id);
        var result = await AnswerAsync(ev, rsvp, ct);
        if (!result.IsSuccess) return result.ErrorMessage;
        var lead = result.Value!.Message;
        if (email is null && answer != RsvpAnswer.No)
            lead += " To get the calendar invitation by email, tell me your address: `email you@example.org`.";
        var reply = await actions.ShowAsync(request, ev, ct, lead,
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
        // Events they are already going to get their invitations now.
        var pending = await registrations.ForUserAsync(request.UserId, ct);
        foreach (var (ev, registration) in pending.Where(p => p.Registration.State == RsvpState.Going && p.Registration.Email is null))
        {
            var tracked = await actions.FindAsync(EventRef.ForNumber(ev.Number), ct);
            if (tracked is null) continue;
            // The answer stays "going", so the posted cards do not change.
            await AnswerAsync(tracked, new RsvpRequest(request.UserId, request.UserName, RsvpAnswer.Going, email, registration.ConversationId), ct,
                refreshCards: false);
        }
        return ((BotReply)$"Thanks, I'll send calendar invitations to {email}. Type `forget me` to remove it.")
            .ForRequesterOnly("a confirmation");
    }

    /// <summary>
    /// Applies an answer. An address that arrives for someone already going counts as a change, so the invitation they
    /// could not get before goes out now.
    /// </summary>
    private async Task<DomainResult<RsvpOutcome>> AnswerAsync(Event ev, RsvpRequest rsvp, CancellationToken ct, bool refreshCards = true)
    {
        var result = await changes.ApplyAsync(ev, current =>
        {
            var emailBefore = current.FirstOrDefault(r => r.UserId == rsvp.UserId)?.Email;
            var answered = RsvpBook.Answer(ev, current, rsvp, clock);
            return answered.Value is { IsNoChange: true, Registration: { State: RsvpState.Going, Email: not null } going } && emailBefore is null
                ? DomainResult<RsvpOutcome>.Ok(answered.Value with { PreviousState = null, StateChanged = true, Registration = going }, answered.Notes)
                : answered;
        }, ct, refreshCards);
        if (result.Value is { IsNoChange: false } outcome) metrics.Rsvp(rsvp.Answer, outcome.Registration?.State);
        return result;
    }

    /// <summary>The address the person gave, else the one in their Teams profile (remembered, and said so once).</summary>
    private async Task<(string? Email, bool FromTeams)> EmailForAsync(TurnRequest request, CancellationToken ct)
    {
        var profile = await profiles.FindAsync(request.UserId, ct);
        if (profile?.Email is { } known) return (known, false);
        // In a channel the roster belongs to the team: the thread id is not a conversation the member API knows
        // (botbuilder's TeamsInfo.GetMemberAsync asks with the team id too).
        var rosterId = request.Scope == Conversation.ConversationScope.Channel ? request.TeamId : request.Activity.Conversation?.Id;
        if (request.Activity.ChannelId != Channels.MsTeams || rosterId is null) return (null, false);
        var conversationId = rosterId;
        try
        {
            // Teams knows the member's address; ask once and remember it.
            var member = await request.Turn.Connector.GetConversationMemberAsync(conversationId, request.UserId, ct);
            if (EmailEntry.TryAccept(member?.Email, out var email))
            {
                await profiles.RememberEmailAsync(request.UserId, request.UserName, email, ct);
                return (email, true);
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            logger.LogWarning(ex, "Could not read the Teams profile of a member of {ConversationId}", conversationId);
        }
        return (null, false);
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
        var result = await changes.ApplyAsync(ev, current => approve
            ? RsvpBook.Approve(ev, current, userId, request.UserId, clock)
            : RsvpBook.Decline(ev, current, userId, request.UserId, clock), ct);
        if (!result.IsSuccess) return result.ErrorMessage;
        var outcome = result.Value!;
        if (!outcome.IsNoChange && outcome.Registration is { } decided) await notifier.TellDecisionAsync(ev, decided, approve, ct);
        return ((BotReply)outcome.Message).ForRequesterOnly("the result");
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
            var result = await changes.ApplyAsync(ev, current => RsvpBook.Withdraw(ev, current, request.UserId, clock), ct);
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
        var list = await registrations.ListAsync(ev, ct);
        return list.FirstOrDefault(r => r.UserId == userId)?.UserId
               ?? list.FirstOrDefault(r => string.Equals(r.UserName, user.Text, StringComparison.OrdinalIgnoreCase))?.UserId;
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
