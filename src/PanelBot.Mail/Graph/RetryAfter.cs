namespace PanelBot.Mail;

/// <summary>
/// How long Microsoft Graph asked to wait before the next request (a 429 or 503 with <c>Retry-After</c>, as seconds or
/// as a date: RFC 9110 §10.2.3; learn.microsoft.com/graph/throttling).
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
