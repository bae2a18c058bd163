using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Features.Scheduling.Jobs;
using Quartz;

namespace PanelBot.Features.Scheduling;

/// <summary>A scheduled job as <c>schedule #N</c> shows it.</summary>
public sealed record ScheduledItem(string Name, string Description, Instant? NextFireAt);

/// <summary>
/// Keeps an event's Quartz jobs in step with the event: all of them live in the job and trigger group
/// <c>event-{id}</c>, so re-planning is "delete the group, store the plan" and cancelling is "delete the group".
/// </summary>
public sealed class EventJobScheduler(ISchedulerFactory factory, IOptions<SchedulingOptions> options, TimeProvider clock,
    ILogger<EventJobScheduler> logger)
{
    public static string Group(long eventId) => "event-" + eventId.ToString(CultureInfo.InvariantCulture);

    public async Task ReplanAsync(Event ev, EventScheduleSettings? settings, CancellationToken ct)
    {
        var plan = SchedulePlanner.Plan(ev, settings, options.Value, clock.GetCurrentInstant());
        var scheduler = await factory.GetScheduler(ct);
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(Group(ev.Id)), ct);
        if (plan.Count > 0)
        {
            var jobs = plan.ToDictionary(p => Job(ev, p), p => (IReadOnlyCollection<ITrigger>)[Trigger(ev, p)]);
            await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true }, ct);
        }
        SchedulingLog.Planned(logger, ev.Id, plan.Count);
    }

    public async Task RemoveAsync(long eventId, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(Group(eventId)), ct);
        SchedulingLog.Removed(logger, eventId);
    }

    /// <summary>An extra follow-up now, for after-event readings added once the regular follow-up has gone out.</summary>
    public async Task FollowUpNowAsync(Event ev, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var name = "follow-up-" + now.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
        var planned = new PlannedJob(ScheduledKinds.FollowUp, name, now, "Follow-up with the new after-event readings");
        var scheduler = await factory.GetScheduler(ct);
        await scheduler.ScheduleJob(Job(ev, planned), Trigger(ev, planned), new ScheduleJobOptions { Replace = true }, ct);
    }

    public async Task<IReadOnlyList<ScheduledItem>> ListAsync(long eventId, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var triggers = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(Group(eventId)), Take = 200 }, ct);
        return triggers.Items
            .Select(t => new ScheduledItem(t.Key.Name, t.Description ?? t.Key.Name, t.NextFireTimeUtc?.ToInstant()))
            .OrderBy(i => i.NextFireAt ?? Instant.MaxValue)
            .ToList();
    }

    private static IJobDetail Job(Event ev, PlannedJob p)
    {
        var type = p.Kind switch
        {
            ScheduledKinds.Reminder => typeof(ReminderJob),
            ScheduledKinds.Release => typeof(ReleaseJob),
            ScheduledKinds.Briefing => typeof(BriefingJob),
            ScheduledKinds.FollowUp => typeof(FollowUpJob),
            ScheduledKinds.Digest => typeof(DigestJob),
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "Unknown kind of scheduled work."),
        };
        var builder = JobBuilder.Create().OfType(type);
        builder = builder.WithIdentity(p.Name, Group(ev.Id)).WithDescription(p.Description)
            .UsingJobData(EventJob.EventIdKey, ev.Id.ToString(CultureInfo.InvariantCulture));
        if (p.Offset is { } offset)
        {
            builder = builder.UsingJobData(EventJob.OffsetMinutesKey, ((long)offset.TotalMinutes).ToString(CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }

    private ITrigger Trigger(Event ev, PlannedJob p)
    {
        var builder = TriggerBuilder.Create(clock).WithIdentity(p.Name, Group(ev.Id)).WithDescription(p.Description)
            .ForJob(p.Name, Group(ev.Id));
        if (p.DailyAt is { } at)
        {
            // A missed digest is not made up: the next one covers every change since the last that went out.
            return builder.StartNow().EndAt(p.FireAt.ToDateTimeOffset())
                .WithSchedule(CronScheduleBuilder.Create($"0 {at.Minute} {at.Hour} * * ?")
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZoneId))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
        }
        // Fired late (the app was down): fire once now, and let the work decide whether it is still useful.
        return builder.StartAt(p.FireAt.ToDateTimeOffset())
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
    }
}
