using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Notifications;
using PanelBot.Features.People;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Queues calendar mail for event changes, inside the change's unit of work: an RSVP to Going (or a promotion) sends that
/// person an invitation at once; leaving Going sends them a CANCEL; publishing invites the speakers; a change of time,
/// zone, venue or link sends everyone invited an update after the merge window; cancelling sends everyone a CANCEL.
/// Every calendar mail to one person about one event shares a merge key, so only the newest unsent one goes out.
/// </summary>
public sealed class InvitationObserver(
    PanelBotDbContext db,
    IOutbox outbox,
    UserProfiles profiles,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<InvitationObserver> logger) : IEventObserver
{
    public async Task BeforeSaveAsync(EventChange change, CancellationToken ct)
    {
        var ev = change.Event;
        if (change.Rsvp is { } outcome)
        {
            await OnRsvpAsync(ev, outcome, ct);
            return;
        }

        if (change.Update is not { } update)
        {
            return;
        }

        var statusChanged = (update.Changes & EventChanges.Status) != 0;
        if (statusChanged && ev.Status == EventStatus.Cancelled)
        {
            foreach (var invitee in await InviteesAsync(ev, ct))
            {
                await QueueAsync(ev, invitee, InvitationKind.Cancel, ct);
            }

            return;
        }

        if (ev.Status != EventStatus.Published)
        {
            return;
        }

        if (statusChanged)
        {
            foreach (var invitee in await InviteesAsync(ev, ct))
            {
                await QueueAsync(ev, invitee, InvitationKind.Invitation, ct);
            }

            return;
        }

        if (update.IsCalendarRelevant)
        {
            var window = clock.GetCurrentInstant() + options.Value.MergeWindow.ToDuration();
            foreach (var invitee in await InviteesAsync(ev, ct))
            {
                await QueueAsync(ev, invitee, InvitationKind.Update, ct, window);
            }
        }

        if ((update.Changes & EventChanges.Speakers) != 0)
        {
            await ReconcileSpeakersAsync(ev, ct);
        }
    }

    /// <summary>
    /// The update that carries the join link, to everyone invited; called by the scheduler at release time. The event's
    /// SEQUENCE is raised (in this unit of work) so that every calendar applies the update.
    /// </summary>
    public async Task QueueJoinLinkReleaseAsync(Event ev, CancellationToken ct = default)
    {
        var tracked = db.Events.Local.FirstOrDefault(e => e.Id == ev.Id) ?? await db.Events.SingleOrDefaultAsync(e => e.Id == ev.Id, ct);
        if (tracked is null || !tracked.ReleaseJoinLink(clock).IsSuccess)
        {
            return;
        }

        foreach (var invitee in await InviteesAsync(tracked, ct))
        {
            await QueueAsync(tracked, invitee, InvitationKind.Release, ct, withJoinLink: true);
        }
    }

    private async Task OnRsvpAsync(Event ev, RsvpOutcome outcome, CancellationToken ct)
    {
        if (ev.Status != EventStatus.Published)
        {
            return;
        }

        var speakers = SpeakerInvitees(ev).Select(s => s.Key).ToHashSet();
        if (outcome.Registration is { } registration && registration.State == RsvpState.Going && outcome.PreviousState != RsvpState.Going)
        {
            await InviteAttendeeAsync(ev, registration, InvitationKind.Invitation, speakers, ct);
        }

        foreach (var promoted in outcome.Promoted.Where(p => p.State == RsvpState.Going))
        {
            await InviteAttendeeAsync(ev, promoted, InvitationKind.Invitation, speakers, ct);
        }

        var left = outcome.Registration ?? outcome.Removed;
        if (outcome.PreviousState == RsvpState.Going && left is not null && (outcome.Removed is not null || left.State != RsvpState.Going))
        {
            await InviteAttendeeAsync(ev, left, InvitationKind.Withdrawal, speakers, ct);
        }
    }

    private async Task InviteAttendeeAsync(Event ev, Registration registration, InvitationKind kind, HashSet<string> speakers, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(registration.Email))
        {
            return; // the bot asks for an address instead
        }

        if (speakers.Contains(registration.Email.ToLowerInvariant()))
        {
            return; // keeps the speaker's own invitation
        }

        // The person answering had their profile read earlier in this turn: no round trip while the event is locked.
        var zoneId = (await profiles.FindAsync(registration.UserId, ct))?.LastTimeZone;
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        await QueueAsync(ev, new Invitee(registration.Email, registration.UserName, zone), kind, ct);
    }

    /// <summary>Speakers added with an email get an invitation, removed ones a CANCEL, as the outbox history says.</summary>
    private async Task ReconcileSpeakersAsync(Event ev, CancellationToken ct)
    {
        var wanted = (await InviteesAsync(ev, ct)).ToDictionary(i => i.Key);
        var invited = await CurrentlyInvitedAsync(ev, ct);
        foreach (var (key, invitee) in wanted)
        {
            if (!invited.Contains(key) && invitee.SpeakerRole is not null)
            {
                await QueueAsync(ev, invitee, InvitationKind.Invitation, ct);
            }
        }

        foreach (var key in invited.Where(k => !wanted.ContainsKey(k)))
        {
            await QueueAsync(ev, new Invitee(key, key), InvitationKind.Withdrawal, ct);
        }
    }

    /// <summary>Recipients whose latest calendar mail about the event is not a CANCEL.</summary>
    private async Task<HashSet<string>> CurrentlyInvitedAsync(Event ev, CancellationToken ct)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EventId == ev.Id && InvitationKinds.CalendarKinds.Contains(m.Kind))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Recipient, m.Kind })
            .ToListAsync(ct);
        var latest = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            latest[row.Recipient.ToLowerInvariant()] = row.Kind;
        }

        return latest.Where(p => p.Value != "cancel").Select(p => p.Key).ToHashSet();
    }

    /// <summary>Everyone who should have the event in their calendar: speakers with an email, then going attendees.</summary>
    private async Task<IReadOnlyList<Invitee>> InviteesAsync(Event ev, CancellationToken ct)
    {
        var result = new Dictionary<string, Invitee>();
        foreach (var speaker in SpeakerInvitees(ev))
        {
            result.TryAdd(speaker.Key, speaker);
        }

        var going = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == ev.Id && r.State == RsvpState.Going && r.Email != null)
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(ct);
        var zones = await ZonesAsync(going.Select(r => r.UserId).ToList(), ct);
        foreach (var r in going)
        {
            result.TryAdd(r.Email!.ToLowerInvariant(), new Invitee(r.Email!, r.UserName, zones.GetValueOrDefault(r.UserId)));
        }

        return result.Values.ToList();
    }

    private static IEnumerable<Invitee> SpeakerInvitees(Event ev) =>
        ev.Speakers.Where(s => !string.IsNullOrWhiteSpace(s.Email) && s.Status != Domain.Programme.SpeakerStatus.Declined)
            .OrderBy(s => Domain.Programme.SpeakerRoles.DisplayRank(s.Role)).ThenBy(s => s.Order)
            .Select(s => new Invitee(s.Email!, s.Name, Domain.Time.SpeakerHours.ZoneOf(s), s.Role));

    private async Task<Dictionary<string, DateTimeZone?>> ZonesAsync(IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var profiles = await db.UserProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId) && p.LastTimeZone != null)
            .Select(p => new { p.UserId, p.LastTimeZone }).ToListAsync(ct);
        return profiles.ToDictionary(p => p.UserId, p => DateTimeZoneProviders.Tzdb.GetZoneOrNull(p.LastTimeZone!));
    }

    private async Task QueueAsync(Event ev, Invitee to, InvitationKind kind, CancellationToken ct, Instant? notBefore = null, bool? withJoinLink = null)
    {
        if (!MailAddresses.TryParseAddress(to.Email, out _))
        {
            // One unusable address must not undo the organiser's change or another person's invitation. Not logged:
            // an address is personal data.
            logger.LogWarning("No {Kind} mail for event {Number}: an address cannot be used", kind, ev.Number);
            return;
        }

        var recipe = InvitationRecipe.For(to, kind, withJoinLink);
        await outbox.EnqueueAsync(new OutboxInvitation(ev.Id, to.Email, recipe, MergeKey(ev, to), notBefore), ct);
    }

    public static string MergeKey(Event ev, Invitee to) => $"event:{ev.Id}:calendar:{to.Key}";
}
