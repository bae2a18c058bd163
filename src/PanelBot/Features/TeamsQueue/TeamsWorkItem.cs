using NodaTime;

namespace PanelBot.Features.TeamsQueue;

/// <summary>One piece of work that calls Teams, queued in the transaction of the change that causes it.</summary>
public sealed class TeamsWorkItem
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>Work with the same key while still pending is done once (e.g. "refresh the cards of event 12").</summary>
    public string? CoalesceKey { get; set; }

    public string Payload { get; set; } = "{}";
    public int Attempts { get; set; }
    public Instant NextAttemptAt { get; set; }
    public Instant? ClaimedAt { get; set; }
    public string? LastError { get; set; }
    public Instant CreatedAt { get; set; }
}

public static class TeamsWorkKinds
{
    public const string RefreshCards = "refresh-cards";
    public const string Notice = "notice";
    public const string MemberLookup = "member-lookup";
}
