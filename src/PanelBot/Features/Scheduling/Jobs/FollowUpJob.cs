using NodaTime;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

[DisallowConcurrentExecution]
public sealed class FollowUpJob(IServiceScopeFactory scopes, ILogger<FollowUpJob> logger) : EventJob(scopes, logger)
{
    protected override string Kind => ScheduledKinds.FollowUp;

    protected override Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct) =>
        services.GetRequiredService<FollowUpWork>().RunAsync(eventId, dueAt, ct);
}
