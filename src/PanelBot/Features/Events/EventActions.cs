using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelBot.Conversation;
using PanelBot.Conversation.Limits;
using PanelBot.Domain;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Domain.Time;
using PanelBot.Features.Notifications;
using PanelBot.Features.People;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

/// <summary>Organiser actions on events, shared by text commands and card forms.</summary>
public sealed class EventActions(
    EventRepository events,
    IAttendance registrations,
    UserProfiles profiles,
    EventPublisher publisher,
    EventObservers observers,
    IOptions<EventsOptions> options,
    TurnLimiter limiter,
    TimeProvider clock)
{
    private const int MaxEditAttempts = 3;

    public const string TooManyNewEvents =
        "You've created a lot of events in the last hour, so I'm not creating another one just now. Please try again later.";

    public async Task<BotReply> CreateAsync(TurnRequest request, EventDetails details, CancellationToken ct)
    {
        if (!limiter.TryCreateEvents(request.Activity))
        {
            return TooManyNewEvents;
        }

        var created = await events.CreateAsync(details, request.UserId, ct);
        if (!created.IsSuccess)
        {
            return Failure("I couldn't create the event.", created.Errors);
        }

        var ev = created.Value!;
        await profiles.RememberZoneAsync(request.UserId, request.UserName, ev.TimeZoneId, ct);
        var text = $"Created {ev.Reference}: {ev.Title} ({ev.Kind.ToString().ToLowerInvariant()}), {EventCard.When(ev)}. " +
                   (request.Surface.Cards
                       ? "It's a draft: add speakers and the run of show with the buttons below, then publish it."
                       : $"It's a draft: add speakers with `speaker {ev.Reference} add \"NAME\" ROLE`, then `publish {ev.Reference}`.");
        return WithNotes(await ShowAsync(request, ev, ct, lead: text,
            sharedNote: $"Created {ev.Reference}: {ev.Title}. I've sent you the organiser's view in a private chat."), created.Notes);
    }

    /// <summary>
    /// The card as the requester sees it. When that view holds anything of theirs (their answer, the join link, the
    /// organiser's tools) it is personal: asked for in a group chat or channel it goes 1:1, and
    /// <paramref name="sharedNote"/> is said in place.
    /// </summary>
    public async Task<BotReply> ShowAsync(TurnRequest request, Event ev, CancellationToken ct, string? lead = null, string? sharedNote = null) =>
        Compose(request, ev, await registrations.CountsAsync(ev, ct),
            await registrations.ViewerAsync(ev, request.UserId, request.ClientZone, ct), lead, sharedNote);

    /// <summary>The card for the viewer, drawn from what a change just saved (no further reads).</summary>
    public BotReply Show(TurnRequest request, Event ev, RsvpCounts counts, Registration? mine, int? waitlistPlace, string? lead = null,
        string? sharedNote = null) =>
        Compose(request, ev, counts, registrations.Viewer(ev, request.UserId, request.ClientZone, mine, waitlistPlace), lead, sharedNote);

    private BotReply Compose(TurnRequest request, Event ev, RsvpCounts counts, EventViewer viewer, string? lead, string? sharedNote)
    {
        // The organiser's view is personal: in a group chat or channel it goes to their 1:1 chat, so it can carry the tools.
        viewer = viewer with
        {
            SpeakerHours = SpeakerWakingHours,
            Tools = viewer.IsOrganiser,
            AccountIds = new Dictionary<string, string>(StringComparer.Ordinal) { [request.UserId] = request.MemberId },
        };
        var reply = EventCard.Render(ev, counts, viewer, request.Surface);
        if (lead is not null)
        {
            reply = reply with { Text = lead + "\n\n" + reply.Text, Lead = lead };
        }

        if (!viewer.IsOrganiser && viewer.Rsvp is null && !viewer.SeesJoinLink)
        {
            return reply;
        }

        return reply with
        {
            IsPersonal = true,
            SharedNote = sharedNote ?? $"I've sent you {(viewer.IsOrganiser ? "the organiser's view" : "your view")} of {ev.Reference} in a private chat.",
        };
    }

    /// <summary>
    /// <c>show #N</c>: the requester's own view; in a group chat or channel the public card instead, whose per-user
    /// refresh shows each viewer (the organiser with their tools) their own view.
    /// </summary>
    public async Task<BotReply> ShowHereAsync(TurnRequest request, Event ev, CancellationToken ct)
    {
        var reply = await ShowAsync(request, ev, ct);
        return reply.IsPersonal && request.IsShared && request.Surface.UniversalActions
            ? reply with { SharedVersion = await publisher.SharedCardAsync(ev, request.Surface, ct) }
            : reply;
    }

    /// <summary>Runs an edit as an organiser, saves it, refreshes posted cards, and answers with the new card.</summary>
    public Task<BotReply> EditAsync(TurnRequest request, Event ev, Func<Event, DomainResult<EventUpdate>> edit,
        string done, CancellationToken ct) => EditAsync(request, ev, edit, _ => done, ct);

    public Task<BotReply> EditAsync(TurnRequest request, Event ev, Func<Event, DomainResult<EventUpdate>> edit,
        Func<Event, string> done, CancellationToken ct) => EditAsync(request, ev, edit, done, null, ct);

    /// <param name="view">What to answer with after the change (e.g. the form it came from); the event card when null.</param>
    public async Task<BotReply> EditAsync(TurnRequest request, Event ev, Func<Event, DomainResult<EventUpdate>> edit,
        Func<Event, string> done, Func<Event, string, BotReply>? view, CancellationToken ct)
    {
        DomainResult<EventUpdate> result;
        for (var attempt = 1; ; attempt++)
        {
            var allowed = ev.CheckCanEdit(request.UserId);
            if (!allowed.IsSuccess)
            {
                return allowed.ErrorMessage;
            }

            result = edit(ev);
            if (!result.IsSuccess)
            {
                return Failure($"Nothing was changed on {ev.Reference}.", result.Errors);
            }

            if (!result.Value!.HasChanges)
            {
                return $"{ev.Reference} already says that; nothing to change.";
            }

            try
            {
                // Seats an edit frees are filled from the waitlist by the RSVP slice's observer, before the cards are refreshed.
                await SaveAsync(new EventChange(ev, result.Value), ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxEditAttempts)
            {
                // The event was saved by someone else since this turn read it (the scheduler releasing the join link, a
                // co-organiser): the edit is made again on what they saved, instead of failing the organiser's turn
                // (https://learn.microsoft.com/ef/core/saving/concurrency).
                if (await events.ReadAgainAsync(ev, ct) is not { } current)
                {
                    return $"{ev.Reference} was deleted meanwhile; nothing was changed.";
                }

                ev = current;
            }
        }

        await publisher.RefreshPostedCardsAsync(ev, ct);
        var lead = done(ev);
        // In place only what was done; the rest of the lead (a speaker's local time, where their zone came from) goes 1:1.
        var sharedNote = $"{FirstSentence(lead)} I've sent you the organiser's view in a private chat.";
        var reply = view is null
            ? await ShowAsync(request, ev, ct, lead, sharedNote)
            : view(ev, lead) with { IsPersonal = true, SharedNote = sharedNote };
        return WithNotes(reply, [.. result.Notes, .. FairnessNotes(ev, result.Value.Changes)]);
    }

    public WakingHours SpeakerWakingHours => options.Value.SpeakerWakingHours;

    private static string FirstSentence(string text) => text.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? text[..(end + 1)] : text;

    /// <summary>
    /// After the time or a speaker's zone changed, the organiser hears whose waking hours the slot misses. It is part of the
    /// organiser's own reply (where they typed the command), never a message of its own to the conversation.
    /// </summary>
    private IEnumerable<string> FairnessNotes(Event ev, EventChanges changes)
    {
        if ((changes & EventChanges.SpeakerHoursRelevant) != 0 && SpeakerHours.Warning(ev, SpeakerWakingHours) is { } warning)
        {
            yield return warning;
        }
    }

    public async Task<BotReply> PublishAsync(TurnRequest request, Event ev, CancellationToken ct)
    {
        var allowed = ev.CheckCanEdit(request.UserId);
        if (!allowed.IsSuccess)
        {
            return allowed.ErrorMessage;
        }

        if (ev.Status == EventStatus.Draft)
        {
            var published = ev.Publish(clock);
            if (!published.IsSuccess)
            {
                return Failure($"I couldn't publish {ev.Reference}.", published.Errors);
            }

            await SaveAsync(new EventChange(ev, published.Value), ct);
        }
        else if (ev.Status != EventStatus.Published)
        {
            return $"{ev.Reference} is {ev.Status.ToString().ToLowerInvariant()}, so it can't be published.";
        }
        // Posting is the reply itself: the card goes to this conversation and is remembered for in-place updates.
        await publisher.PostAsync(request, ev, ct);
        return BotReply.Silent;
    }

    /// <summary>Saves a change together with what observers add to it (outbox mails), then lets them act on it.</summary>
    private async Task SaveAsync(EventChange change, CancellationToken ct)
    {
        await observers.BeforeSaveAsync(change, ct);
        await events.SaveAsync(ct);
        await observers.AfterSaveAsync(change, ct);
    }

    public static BotReply Failure(string headline, IReadOnlyList<FieldError> errors) =>
        new(headline + "\n" + string.Join("\n", errors.Select(e => "- " + e.Message))) { Errors = errors };

    private static BotReply WithNotes(BotReply reply, IReadOnlyList<string> notes) =>
        notes.Count == 0 ? reply : reply with { Notes = notes };
}
