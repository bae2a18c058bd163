using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>
/// One proactive message at a time per conversation, with a short gap after each: Teams throttles per conversation
/// (about 7 messages a second, 60 a minute) and answers 429 beyond that, which the connector client retries after
/// Retry-After. Different conversations proceed in parallel.
/// </summary>
public sealed class ProactiveQueue(IOptions<SchedulingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _lanes = new(StringComparer.Ordinal);

    public async Task RunAsync(string conversationId, Func<Task> send, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(conversationId, _ => new SemaphoreSlim(1, 1));
        await lane.WaitAsync(ct);
        try
        {
            await send();
            var gap = TimeSpan.FromMilliseconds(options.Value.ChatGapMilliseconds);
            if (gap > TimeSpan.Zero) await Task.Delay(gap, clock, ct);
        }
        finally
        {
            lane.Release();
        }
    }
}
