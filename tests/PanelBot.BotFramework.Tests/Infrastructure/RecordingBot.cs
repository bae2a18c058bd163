using System.Diagnostics;
using System.Collections.Concurrent;

namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>An <see cref="IBot"/> that records every turn and optionally runs a behaviour.</summary>
public sealed class RecordingBot : IBot
{
    private readonly ConcurrentQueue<Activity> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    public Func<ITurnContext, CancellationToken, Task>? Behaviour { get; set; }

    public IReadOnlyList<Activity> Received => [.. _received];

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            if (Behaviour is not null)
            {
                await Behaviour(turn, cancellationToken);
            }
        }
        finally
        {
            _received.Enqueue(turn.Activity);
            _arrivals.Release();
        }
    }

    /// <summary>Waits until a turn for an activity matching <paramref name="match"/> has finished.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = limit - waited.Elapsed;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
            {
                throw new TimeoutException("The bot did not receive the expected activity.");
            }
        }
    }
}
