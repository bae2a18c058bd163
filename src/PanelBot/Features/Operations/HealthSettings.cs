using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PanelBot.Features.Operations;

/// <summary>Binds <c>Health</c>: when the mail outbox counts as stuck, and what that does to <c>/health</c>.</summary>
public sealed class HealthSettings
{
    public const string Section = "Health";

    /// <summary>The oldest due, unsent mail may wait this long before the outbox check fails.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int OutboxMaxAgeSeconds { get; set; } = 900;

    /// <summary>
    /// Degraded (the default) keeps <c>/health</c> at 200 with the check marked: the outbox is shared by every instance,
    /// so failing readiness for it would take all of them out of the load balancer over a mail server's trouble.
    /// Unhealthy turns it into a 503.
    /// </summary>
    public HealthStatus OutboxStuckStatus { get; set; } = HealthStatus.Degraded;
}
