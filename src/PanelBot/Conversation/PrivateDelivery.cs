namespace PanelBot.Conversation;

public enum PrivateOutcome
{
    /// <summary>Sent in the person's 1:1 chat.</summary>
    Chat,

    /// <summary>No 1:1 chat could be used (never seen, or Teams refused), so it went by email.</summary>
    Mail,

    /// <summary>No 1:1 chat and no usable address (or no mail asked for): nothing was sent.</summary>
    Unreachable,

    /// <summary>The connector failed in a way worth retrying later (timeouts, 5xx after retries).</summary>
    Failed,
}

/// <summary>How a private message went, and why a 1:1 chat could not be used when it could not.</summary>
public sealed record PrivateDelivery(PrivateOutcome Outcome, string? Problem = null)
{
    public bool Delivered => Outcome is PrivateOutcome.Chat or PrivateOutcome.Mail;

    /// <summary>Teams refused a 1:1 chat with this person (now or before): an organiser should hear of it once.</summary>
    public bool ChatRefused => Outcome is PrivateOutcome.Mail or PrivateOutcome.Unreachable && Problem is not null;

    public static readonly PrivateDelivery InChat = new(PrivateOutcome.Chat);
}

/// <summary>Send by email, to the person's known address, when no 1:1 chat can be used.</summary>
/// <param name="Kind">The outbox kind (reminder, promotion, digest...).</param>
public sealed record PrivateMail(string Subject, string Kind, long? EventId = null);

/// <summary>One message for one person.</summary>
public sealed record PrivateMessage(string UserId, BotReply Reply, PrivateMail? Mail = null);
