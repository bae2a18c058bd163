using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Scheduling;

/// <summary>What should happen when for an event; pure, so the rules are testable without a scheduler.</summary>
public static class SchedulePlanner
{
    /// <summary>
    /// The future work of a published event (only the follow-up for a completed one, nothing for drafts and cancelled
    /// events). Work whose time has passed is left out: moving an event does not resend what was already due.
    /// </summary>
    /// <param name="asPublished">Plan a draft as if it were published (what <c>schedule #N</c> previews).</param>
    public static IReadOnlyList<PlannedJob> Plan(Event ev, EventScheduleSettings? settings, SchedulingOptions options, Instant now,
        bool asPublished = false)
    {
        var plan = new List<PlannedJob>();
        var status = asPublished && ev.Status == EventStatus.Draft ? EventStatus.Published : ev.Status;
        if (status is EventStatus.Draft or EventStatus.Cancelled)
        {
            return plan;
        }

        var followUpAt = ev.EndsAt + options.FollowUpAfterEnd;
        plan.Add(new PlannedJob(ScheduledKinds.FollowUp, "follow-up", followUpAt, "Follow-up: thanks and after-event readings"));
        if (status == EventStatus.Published)
        {
            foreach (var offset in ReminderOffsetsFor(settings, options))
            {
                plan.Add(new PlannedJob(ScheduledKinds.Reminder, "reminder-" + ReminderOffsets.Format(offset), ev.StartsAt - offset,
                    $"Reminder {ReminderOffsets.Describe(offset)} before", offset));
            }

            if (ev.OnlineMeeting?.JoinUrl is not null && ev.JoinLinkReleasedAt < ev.StartsAt)
            {
                plan.Add(new PlannedJob(ScheduledKinds.Release, "release", ev.JoinLinkReleasedAt, "Join link released to going participants"));
            }

            var briefing = settings?.BriefingOffsetMinutes is { } minutes ? Duration.FromMinutes(minutes) : options.BriefingBefore;
            if (ev.Speakers.Any(s => s.Email is not null))
            {
                plan.Add(new PlannedJob(ScheduledKinds.Briefing, "briefing", ev.StartsAt - briefing, "Speaker briefing by email"));
            }
            // Only while a digest time is still ahead before the end (Quartz refuses a trigger that would never fire).
            if (NextDaily(now, ev.Zone, options.DigestLocalTime) < ev.EndsAt)
            {
                plan.Add(new PlannedJob(ScheduledKinds.Digest, "digest", ev.EndsAt, $"Organiser digest of RSVP changes, daily at {options.DigestTime}",
                    DailyAt: options.DigestLocalTime));
            }
        }
        return plan.Where(p => p.FireAt > now).OrderBy(p => p.FireAt).ToList();
    }

    /// <summary>The next instant after <paramref name="now"/> at which it is <paramref name="time"/> in <paramref name="zone"/>.</summary>
    public static Instant NextDaily(Instant now, DateTimeZone zone, LocalTime time)
    {
        var today = now.InZone(zone).Date;
        var at = (today + time).InZoneLeniently(zone).ToInstant();
        return at > now ? at : (today.PlusDays(1) + time).InZoneLeniently(zone).ToInstant();
    }

    public static IReadOnlyList<Duration> ReminderOffsetsFor(EventScheduleSettings? settings, SchedulingOptions options) =>
        settings?.ReminderOffsets is { } stored ? ReminderOffsets.ParseList(stored) : options.DefaultReminderOffsets;

    /// <summary>
    /// Whether a reminder fired at <paramref name="now"/> is still worth sending: not before its time (the event moved
    /// later and the new trigger will come), and only before the start. A misfired reminder after the start is useless.
    /// </summary>
    public static bool IsReminderUseful(Event ev, Duration offset, Instant now) =>
        ev.Status == EventStatus.Published && now < ev.StartsAt && now >= ev.StartsAt - offset - Tolerance;

    /// <summary>Quartz may fire a little early (batching) and the store keeps milliseconds; a minute is harmless.</summary>
    public static readonly Duration Tolerance = Duration.FromMinutes(1);
}
