using NodaTime;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

[DisallowConcurrentExecution]
public sealed class BriefingJob(IServiceScopeFactory scopes, ILogger<BriefingJob> logger) : EventJob(scopes, logger)
{
    protected override string Kind => ScheduledKinds.Briefing;

    protected override Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct) =>
        services.GetRequiredService<BriefingWork>().RunAsync(eventId, dueAt, ct);
}
