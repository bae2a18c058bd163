using System.Data.Common;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Features.Notifications;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling;

/// <summary>Re-plans an event's jobs after a committed change that moves them; removes them when it is cancelled.</summary>
public sealed class ScheduleObserver(EventJobScheduler jobs, ScheduledEvents events, IOptions<SchedulingOptions> options,
    TimeProvider clock, ILogger<ScheduleObserver> logger) : IEventObserver
{
    /// <summary>Besides the domain's schedule-relevant changes: speakers (briefing) and the meeting (release).</summary>
    private const EventChanges Replans = EventChanges.ScheduleRelevant | EventChanges.Speakers | EventChanges.OnlineMeeting;

    public async Task AfterSaveAsync(EventChange change, CancellationToken ct)
    {
        // RSVPs move nothing: every job reads the registrations when it runs.
        if (change.Update is not { HasChanges: true } update)
        {
            return;
        }

        var ev = change.Event;
        try
        {
            if (ev.Status == EventStatus.Cancelled)
            {
                await jobs.RemoveAsync(ev.Id, ct);
                return;
            }
            if ((update.Changes & Replans) != 0 && ev.Status != EventStatus.Draft)
            {
                await jobs.ReplanAsync(ev, await events.SettingsAsync(ev.Id, ct), ct);
            }

            if (update.Changes.HasFlag(EventChanges.Readings) && ev.Readings.Any(r => r.Timing == ReadingTiming.After)
                && clock.GetCurrentInstant() >= ev.EndsAt + options.Value.FollowUpAfterEnd)
            {
                await jobs.FollowUpNowAsync(ev, ct);
            }
        }
        catch (Exception ex) when (ex is SchedulerException or DbException or InvalidOperationException)
        {
            // The change itself is committed; failing the user's turn would not undo it.
            SchedulingLog.PlanFailed(logger, ex, ev.Id);
        }
    }
}
