using NodaTime;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> logger) : EventJob(scopes, logger)
{
    protected override string Kind => ScheduledKinds.Reminder;

    protected override Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct) =>
        services.GetRequiredService<ReminderWork>().RunAsync(eventId, offset, dueAt, ct);
}
