using System.Text;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.People;

namespace PanelBot.Features.Rsvp;

/// <summary>The organiser's side of RSVPs: who answered (<c>attendees</c>) and decisions in approval mode.</summary>
public sealed class RsvpOrganiserTools(
    EventLookup lookup, RegistrationRepository registrations, RsvpChanges changes, NamedPeople people, TimeProvider clock)
{
    /// <summary><c>attendees #N</c>: the counts for anyone who may see the event; the list with names for its organisers.</summary>
    public async Task<BotReply> AttendeesAsync(TurnRequest request, EventRef reference, CancellationToken ct)
    {
        var ev = await lookup.FindAsync(request, reference, ct);
        if (ev is null)
        {
            return EventLookup.NotFound(reference);
        }

        var list = await registrations.ListAsync(ev, ct);
        var counts = RsvpBook.Count(ev, list);
        var summary = $"{ev.Reference} {ev.Title}: {counts.Going} going, {counts.Maybe} maybe, {counts.No} can't go" +
                      (counts.Waitlisted > 0 ? $", {counts.Waitlisted} waiting" : "") +
                      (counts.AwaitingApproval > 0 ? $", {counts.AwaitingApproval} awaiting approval" : "") + ".";
        if (!ev.CanEdit(request.UserId))
        {
            return summary;
        }

        var text = new StringBuilder(summary).AppendLine();
        var places = WaitlistPlaces.Rank(list);
        foreach (var r in list.OrderBy(r => r.State).ThenBy(r => r.WaitlistTicket ?? 0).ThenBy(r => r.CreatedAt))
        {
            text.AppendLine($"- {r.UserName}{(r.Email is { } mail ? $" <{mail}>" : "")}: {RsvpLabels.Describe(r, places.Of(r))}");
        }

        return ((BotReply)text.ToString().TrimEnd()).ForRequesterOnly($"the attendee list of {ev.Reference}");
    }

    /// <summary><c>approve</c>/<c>decline #N USER</c>: an organiser's answer to a registration in approval mode.</summary>
    public async Task<BotReply> DecideAsync(TurnRequest request, EventRef reference, UserRef user, bool approve, CancellationToken ct)
    {
        var found = await lookup.ForOrganiserAsync(request, reference, ct);
        if (found.Event is not { } ev)
        {
            return found.Refusal!;
        }

        var userId = await ResolveRegistrantAsync(request, ev, user, ct);
        if (userId is null)
        {
            return $"{user} has no registration for {ev.Reference}. Type `attendees {ev.Reference}` to see who asked.";
        }

        var result = await changes.ApplyAsync(ev, userId, facts => approve
            ? RsvpBook.Approve(ev, facts, userId, request.UserId, clock)
            : RsvpBook.Decline(ev, facts, userId, request.UserId, clock), ct,
            queue: (outcome, work) =>
            {
                if (outcome.Registration is { } decided)
                {
                    work.Notify(RsvpNotices.Decision(ev, decided, outcome.WaitlistPlace, approve));
                }

                return Task.CompletedTask;
            });
        return result.IsSuccess ? ((BotReply)result.Value!.Message).ForRequesterOnly("the result") : result.ErrorMessage;
    }

    private async Task<string?> ResolveRegistrantAsync(TurnRequest request, Event ev, UserRef user, CancellationToken ct)
    {
        var (userId, _) = await people.ResolveAsync(request.Activity, user, ct);
        if (userId is not null && await registrations.FindAsync(ev, userId, ct) is { } byId)
        {
            return byId.UserId;
        }

        var list = await registrations.ListAsync(ev, ct);
        return list.FirstOrDefault(r => string.Equals(r.UserName, user.Text, StringComparison.OrdinalIgnoreCase))?.UserId;
    }
}
