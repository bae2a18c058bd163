using NodaTime;
using PanelBot.Features.Scheduling.Work;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

[DisallowConcurrentExecution]
public sealed class DigestJob(IServiceScopeFactory scopes, ILogger<DigestJob> logger) : EventJob(scopes, logger)
{
    protected override string Kind => ScheduledKinds.Digest;

    protected override Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct) =>
        services.GetRequiredService<DigestWork>().RunAsync(eventId, dueAt, ct);
}
