using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework;

namespace PanelBot.Conversation.Limits;

/// <summary>
/// Per-person and per-tenant budgets on System.Threading.RateLimiting (the limiters behind ASP.NET Core's rate
/// limiting middleware). Sliding windows, no queueing: a request over the budget is refused at once.
/// Partitions are keyed the way Teams identifies people: the Entra object id where the channel gives one, else
/// channel and account id.
/// </summary>
public sealed class TurnLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Activity> _commands;
    private readonly PartitionedRateLimiter<string> _newEvents;
    private readonly ConcurrentDictionary<string, byte> _told = new(StringComparer.Ordinal);

    public TurnLimiter(IOptions<LimitsOptions> options)
    {
        var o = options.Value;
        var perUser = PartitionedRateLimiter.Create<Activity, string>(a =>
            RateLimitPartition.GetSlidingWindowLimiter(PersonKey(a), _ => Window(o.CommandsPerUser, o.CommandWindowSeconds)));
        var perTenant = PartitionedRateLimiter.Create<Activity, string>(a => a.GetTenantId() is { Length: > 0 } tenant
            ? RateLimitPartition.GetSlidingWindowLimiter(tenant, _ => Window(o.CommandsPerTenant, o.CommandWindowSeconds))
            : RateLimitPartition.GetNoLimiter(""));
        _commands = PartitionedRateLimiter.CreateChained(perUser, perTenant);
        _newEvents = PartitionedRateLimiter.Create<string, string>(person =>
            RateLimitPartition.GetSlidingWindowLimiter(person, _ => Window(o.NewEventsPerUser, o.NewEventWindowSeconds)));
    }

    /// <summary>The person behind an activity, the same in every conversation they have with the bot.</summary>
    public static string PersonKey(Activity activity) => UserKey.Of(activity);

    /// <summary>
    /// Spends one command from the person's and the tenant's budget. Over budget, <see cref="Refusal.FirstTime"/>
    /// says whether this is the first refusal since the last accepted command (so the person is told once).
    /// </summary>
    public Refusal? TryCommand(Activity activity)
    {
        using var lease = _commands.AttemptAcquire(activity);
        var key = PersonKey(activity);
        if (lease.IsAcquired)
        {
            _told.TryRemove(key, out _);
            return null;
        }

        return new Refusal(_told.TryAdd(key, 0));
    }

    /// <summary>Spends <paramref name="count"/> events from the person's hourly budget; false when it does not hold them.</summary>
    public bool TryCreateEvents(Activity activity, int count = 1)
    {
        using var lease = _newEvents.AttemptAcquire(PersonKey(activity), count);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _commands.Dispose();
        _newEvents.Dispose();
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromSeconds(seconds),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public sealed record Refusal(bool FirstTime);
}
