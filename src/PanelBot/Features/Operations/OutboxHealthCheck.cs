using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PanelBot.Features.Operations;

/// <summary>The mail outbox moves: its oldest due mail is younger than <see cref="HealthSettings.OutboxMaxAgeSeconds"/>.</summary>
public sealed class OutboxHealthCheck(OutboxAge outbox, IOptions<HealthSettings> options) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = await outbox.OldestDueAsync(cancellationToken);
        var limit = TimeSpan.FromSeconds(options.Value.OutboxMaxAgeSeconds);
        var description = FormattableString.Invariant($"oldest due mail waiting {age.TotalSeconds:0} s (limit {limit.TotalSeconds:0} s)");
        return age <= limit ? HealthCheckResult.Healthy(description) : new HealthCheckResult(options.Value.OutboxStuckStatus, description);
    }
}
