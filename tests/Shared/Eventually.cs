using System.Diagnostics;

namespace PanelBot.Testing;

/// <summary>
/// Tests wait for facts, not for time: <see cref="Until{T}(Func{Task{T}}, Func{T, bool}, Func{T, string}, TimeSpan?)"/>
/// reads a value until it satisfies the condition and fails, naming what it last saw, when the time-out (real time,
/// <see cref="DefaultTimeout"/> unless given) runs out. This is the one polling loop of the tests.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds:0.#} s waiting for {describe(value)}");
            }

            await Task.Delay(Poll);
        }
    }

    public static Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        Until(read, done, value => $"{what} (last seen: {value})", timeout);

    public static Task<T> Until<T>(Func<T> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(read()), done, describe, timeout);

    public static Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, holds => holds, _ => what, timeout);

    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), holds => holds, _ => what, timeout);
}
