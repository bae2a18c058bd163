using System.ComponentModel.DataAnnotations;

namespace PanelBot.Features.TeamsQueue;

/// <summary>The background queue for work that calls Teams (section <c>TeamsQueue</c>).</summary>
public sealed class TeamsQueueOptions
{
    public const string Section = "TeamsQueue";

    /// <summary>How often the queue looks for due work when nothing wakes it.</summary>
    [Range(0.05, 3600)]
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>
    /// On PostgreSQL, woken by a commit after a round of fewer than 32 pieces, the queue waits this long before it looks,
    /// so that work committed meanwhile goes in the same batch and card refreshes asked for meanwhile are one refresh.
    /// After a bigger round, and on SQLite, it looks at once.
    /// </summary>
    [Range(0, 5)]
    public double GatherSeconds { get; set; } = 0.05;

    /// <summary>Tries per piece of work before it is dropped (and logged).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First wait after a failure; it doubles per try, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(0, 3600)]
    public double RetryBaseSeconds { get; set; } = 2;

    [Range(0, 86400)]
    public double MaxRetryDelaySeconds { get; set; } = 600;

    /// <summary>Pieces of work in flight at once.</summary>
    [Range(1, 256)]
    public int MaxInFlight { get; set; } = 8;

    /// <summary>A claim older than this is taken to be from a crashed instance and released.</summary>
    [Range(10, 86400)]
    public double ClaimTimeoutSeconds { get; set; } = 300;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);
    public TimeSpan Gather => TimeSpan.FromSeconds(GatherSeconds);
    public TimeSpan ClaimTimeout => TimeSpan.FromSeconds(ClaimTimeoutSeconds);

    public TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var seconds = Math.Min(RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)), MaxRetryDelaySeconds);
        var delay = TimeSpan.FromSeconds(seconds);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
