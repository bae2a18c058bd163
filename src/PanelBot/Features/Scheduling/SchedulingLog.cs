namespace PanelBot.Features.Scheduling;

/// <summary>Structured log events of scheduled work.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(1, LogLevel.Information, "Planned {Count} scheduled jobs for event {EventId}")]
    public static partial void Planned(ILogger logger, long eventId, int count);

    [LoggerMessage(2, LogLevel.Information, "Removed the scheduled jobs of event {EventId}")]
    public static partial void Removed(ILogger logger, long eventId);

    [LoggerMessage(3, LogLevel.Warning, "Skipped {Kind} of event {EventId} due at {DueAt}: it is no longer useful ({Reason})")]
    public static partial void Skipped(ILogger logger, string kind, long eventId, DateTimeOffset? dueAt, string reason);

    [LoggerMessage(4, LogLevel.Information, "Sent {Kind} of event {EventId}: {Chats} chat messages, {Mails} mails")]
    public static partial void Sent(ILogger logger, string kind, long eventId, int chats, int mails);

    [LoggerMessage(5, LogLevel.Warning, "No conversation reference for {ConversationId}; the message was not sent")]
    public static partial void NoConversationReference(ILogger logger, string conversationId);

    [LoggerMessage(6, LogLevel.Warning, "A proactive message to {ConversationId} failed")]
    public static partial void ProactiveSendFailed(ILogger logger, Exception ex, string conversationId);

    [LoggerMessage(7, LogLevel.Error, "Scheduled {Kind} of event {EventId} failed")]
    public static partial void JobFailed(ILogger logger, Exception ex, string kind, long eventId);

    [LoggerMessage(8, LogLevel.Warning, "Could not update the scheduled jobs of event {EventId}; they follow with its next change")]
    public static partial void PlanFailed(ILogger logger, Exception ex, long eventId);

    [LoggerMessage(9, LogLevel.Information, "Mail is not configured: {Kind} of event {EventId} goes by chat only")]
    public static partial void NoOutbox(ILogger logger, string kind, long eventId);
}
