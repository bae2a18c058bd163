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

/// <summary>One composed mail in the outbox (<c>outbox_messages</c>): the exact bytes that will be sent.</summary>
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
    public required byte[] Mime { get; set; }
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
