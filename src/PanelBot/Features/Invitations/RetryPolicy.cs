namespace PanelBot.Features.Invitations;

/// <summary>Exponential back-off: base × 2^(attempt−1), capped, and never sooner than the server asked.</summary>
public static class RetryPolicy
{
    public static TimeSpan Delay(int attempts, MailOptions options, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var seconds = Math.Min(options.RetryBaseSeconds * Math.Pow(2, exponent), options.MaxRetryDelaySeconds);
        var delay = TimeSpan.FromSeconds(seconds);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
