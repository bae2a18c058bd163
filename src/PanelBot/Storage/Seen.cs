using System.Collections.Concurrent;

namespace PanelBot.Storage;

/// <summary>
/// What this instance last found or wrote in <typeparamref name="TOwner"/>'s rows, per key, as a stamp of the values
/// that matter, so that a turn which would store exactly the same again reads nothing (every click would otherwise read
/// the row to find that out). The owner forgets a key when it changes the row otherwise; an entry also expires after
/// <see cref="Lifetime"/>, so that a change another instance made is read again by the next turn after that.
/// </summary>
public sealed class Seen<TOwner>(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset Until)> _seen = new(StringComparer.Ordinal);

    public bool Matches(string key, string stamp) =>
        _seen.TryGetValue(key, out var seen) && seen.Stamp == stamp && clock.GetUtcNow() < seen.Until;

    public void Remember(string key, string stamp)
    {
        if (_seen.Count >= MaxEntries)
        {
            _seen.Clear();
        }

        _seen[key] = (stamp, clock.GetUtcNow() + Lifetime);
    }

    public void Forget(string key) => _seen.TryRemove(key, out _);
}
