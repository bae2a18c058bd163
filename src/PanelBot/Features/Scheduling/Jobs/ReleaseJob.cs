using NodaTime;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

[DisallowConcurrentExecution]
public sealed class ReleaseJob(IServiceScopeFactory scopes, ILogger<ReleaseJob> logger) : EventJob(scopes, logger)
{
    protected override string Kind => ScheduledKinds.Release;

    protected override Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct) =>
        services.GetRequiredService<ReleaseWork>().RunAsync(eventId, dueAt, ct);
}
