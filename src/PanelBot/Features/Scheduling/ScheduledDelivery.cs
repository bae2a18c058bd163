using NodaTime;

namespace PanelBot.Features.Scheduling;

/// <summary>
/// One message that went out (table <c>scheduled_deliveries</c>). The unique (kind, key) is what makes a re-run job
/// (misfire recovery, a crash, another cluster node) send nothing twice.
/// </summary>
public sealed class ScheduledDelivery
{
    public long Id { get; set; }
    public long EventId { get; set; }

    /// <summary>reminder, release, briefing, follow-up, digest (see <see cref="ScheduledKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>What and to whom, e.g. <c>12:reminder:3d:638..:user-1:chat</c>.</summary>
    public required string Key { get; set; }

    /// <summary>chat or mail.</summary>
    public required string Channel { get; set; }

    public Instant SentAt { get; set; }
}
