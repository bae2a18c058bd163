using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>
/// One proactive message at a time per conversation, spaced by a short gap: Teams throttles per conversation (about
/// 7 messages a second, 60 a minute) and answers 429 beyond that, which the connector client retries after
/// Retry-After. Only a second message to the same conversation waits; different conversations proceed at once.
/// </summary>
public sealed class ProactiveQueue(IOptions<SchedulingOptions> options)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task RunAsync(string conversationId, Func<Task> send, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(conversationId, _ => new Lane());
        await lane.Lock.WaitAsync(ct);
        try
        {
            // Teams counts its limits in real seconds (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit),
            // so the gap is real elapsed time (Stopwatch), not the injected clock, which tests move by hand.
            var wait = lane.NextAllowed - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            }

            await send();
        }
        finally
        {
            lane.NextAllowed = Stopwatch.GetTimestamp() + (long)(options.Value.ChatGapMilliseconds / 1000.0 * Stopwatch.Frequency);
            lane.Lock.Release();
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public long NextAllowed { get; set; }
    }
}
