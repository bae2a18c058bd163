using System.Net;
using System.Net.Http.Headers;

namespace PanelBot.BotFramework.Connector;

/// <summary>
/// Which connector answers are retried and how long to wait: Retry-After when given, else exponential backoff
/// with jitter (Teams rate-limit guidance). The wait itself is replaceable for tests.
/// </summary>
internal sealed class ConnectorRetryPolicy(TimeProvider time)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits for the given delay; tests swap it to record the honoured values. Real time, not the injected clock: the
    /// delay is the connector's own seconds (Retry-After, RFC 9110 §10.2.3; backoff per
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit), which a test's fake "now" does not move.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task> DelayAsync { get; set; } = (delay, ct) => Task.Delay(delay, ct);

    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait before the next try; <paramref name="attempt"/> is 1 after the first failed try.</summary>
    public TimeSpan DelayFor(RetryConditionHeaderValue? retryAfter, int attempt)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return Clamp(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - time.GetUtcNow());
        }

        var exponential = BaseDelay * Math.Pow(2, attempt - 1);
        var jitter = exponential * Random.Shared.NextDouble() * 0.5;
        return Clamp(exponential + jitter);
    }

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
}
