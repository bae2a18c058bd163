using System.Threading.RateLimiting;

namespace PanelBot.Features.TeamsQueue;

/// <summary>
/// Keeps the bot under Teams' limits, so that a burst of answers does not turn into a burst of 429s: per bot per
/// conversation 7 operations a second and 60 in 30 seconds, and per app per tenant about 50 a second
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). Token buckets: a conversation may burst
/// to 7 and then gets 2 a second; a tenant gets 50 a second.
/// </summary>
public sealed class TeamsRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limit: 7, perSecond: 2)));

    private readonly PartitionedRateLimiter<string> _perTenant = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limit: 50, perSecond: 50)));

    /// <summary>Waits for a slot in the conversation and its tenant; false when the wait queue is full (try later).</summary>
    public async Task<bool> WaitAsync(string conversationId, string? tenantId, CancellationToken ct)
    {
        using var tenant = await _perTenant.AcquireAsync(tenantId ?? "", 1, ct);
        if (!tenant.IsAcquired)
        {
            return false;
        }

        using var conversation = await _perConversation.AcquireAsync(conversationId, 1, ct);
        return conversation.IsAcquired;
    }

    public void Dispose()
    {
        _perConversation.Dispose();
        _perTenant.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int limit, int perSecond) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
