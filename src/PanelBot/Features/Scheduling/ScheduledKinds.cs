namespace PanelBot.Features.Scheduling;

/// <summary>The kinds of scheduled work; also the <c>kind</c> of outbox mails and deliveries.</summary>
public static class ScheduledKinds
{
    public const string Reminder = "reminder";
    public const string Release = "release";
    public const string Briefing = "briefing";
    public const string FollowUp = "follow-up";
    public const string Digest = "digest";
}
