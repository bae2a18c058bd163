using NodaTime;

namespace PanelBot.Features.Invitations;

public enum OutboxState
{
    Pending,
    Sending,
    Sent,
    Failed,

    /// <summary>A newer message with the same merge key carries the latest state; this one is never sent.</summary>
    Superseded,
}

/// <summary>
/// One mail in the outbox (<c>outbox_messages</c>): the exact bytes that will be sent, or, for calendar mail, the recipe
/// they are composed from when the dispatcher first claims the row (then stored, so a retry sends the same bytes).
/// </summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public long? EventId { get; set; }
    public required string Kind { get; set; }

    /// <summary>The SMTP envelope sender (MAIL FROM).</summary>
    public required string Sender { get; set; }

    /// <summary>The envelope recipients, ", "-separated (one for invitations).</summary>
    public required string Recipient { get; set; }

    public required string MessageId { get; set; }
    /// <summary>Empty while a <see cref="Recipe"/> waits to be composed.</summary>
    public required byte[] Mime { get; set; }

    /// <summary>An <see cref="InvitationRecipe"/> as JSON; null for mail composed when queued.</summary>
    public string? Recipe { get; set; }

    public bool IsComposed => Mime.Length > 0;
    public Instant NotBefore { get; set; }
    public string? MergeKey { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public Instant NextAttemptAt { get; set; }
    public Instant? ClaimedAt { get; set; }
    public string? LastError { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? SentAt { get; set; }

    /// <summary>The recipient asked to be forgotten: once sent (or given up), the row and any pickup copy are deleted.</summary>
    public bool EraseWhenDone { get; set; }

    public IReadOnlyList<string> Recipients => Recipient.Split(", ", StringSplitOptions.RemoveEmptyEntries);
}
