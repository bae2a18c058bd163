using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace PanelBot.Features.Operations;

/// <summary>Ready when this instance's Quartz scheduler runs, or when it is switched off here on purpose.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IOptions<PanelBot.Features.Scheduling.SchedulingOptions> options) : IHealthCheck
{
    public const string Name = "scheduler";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("off on this instance (Scheduling:Enabled=false)");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy($"not running ({status})");
    }
}
