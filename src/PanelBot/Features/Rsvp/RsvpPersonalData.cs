using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.People;

namespace PanelBot.Features.Rsvp;

/// <summary>A participant's own data in RSVPs: the address invitations go to, and forget-me.</summary>
public sealed class RsvpPersonalData(
    RsvpHandler answers,
    EventLookup lookup,
    RegistrationRepository registrations,
    UserProfiles profiles,
    RsvpChanges changes,
    PersonalData personalData,
    TimeProvider clock)
{
    /// <summary><c>email ADDRESS</c>: keeps the address, and sends the invitations it was missing.</summary>
    public async Task<BotReply> RememberEmailAsync(TurnRequest request, string address, CancellationToken ct)
    {
        if (!EmailEntry.TryAccept(address, out var email))
        {
            return EmailEntry.Refusal;
        }

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
            var tracked = await lookup.FindAsync(EventRef.ForNumber(ev.Number), ct);
            if (tracked is null)
            {
                continue;
            }
            // The answer stays "going", so the posted cards do not change.
            await answers.AnswerAsync(tracked, new RsvpRequest(userId, userName, RsvpAnswer.Going, email, registration.ConversationId), ct,
                refreshCards: false);
        }
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
            if (result.IsSuccess)
            {
                withdrawn++;
            }
        }
        await personalData.EraseAsync(request.UserId, addresses, ct);
        BotReply done = withdrawn == 0
            ? "Done: I no longer have your email address, and you had no RSVPs."
            : $"Done: I deleted your email address and withdrew {withdrawn} RSVP{(withdrawn == 1 ? "" : "s")}.";
        return done.ForRequesterOnly("a confirmation");
    }

    public const string ForgetVerb = "forgetMe";
}
