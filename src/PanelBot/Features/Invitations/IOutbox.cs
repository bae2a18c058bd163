using MimeKit;
using NodaTime;

namespace PanelBot.Features.Invitations;

/// <summary>A mail to deliver, recorded in the database with the change that causes it.</summary>
/// <param name="EventId">The event it is about, for <c>outbox #N</c>; null for mail about no event.</param>
/// <param name="Kind">What it is: invitation, update, cancel, reminder, release, briefing, follow-up, digest.</param>
/// <param name="NotBefore">Hold it until then (merging close edits into one update); null = as soon as possible.</param>
/// <param name="MergeKey">A pending, unsent message with the same key is replaced instead of sent twice.</param>
public sealed record OutboxMessage(long? EventId, string Kind, MimeMessage Mail, Instant? NotBefore = null, string? MergeKey = null);

/// <summary>
/// A person's calendar mail about an event, composed when it is sent: an answer queues one, and a later answer by the
/// same person replaces it while it waits, so only what is sent is composed (and it shows the event as it is then).
/// </summary>
public sealed record OutboxInvitation(long EventId, string Email, InvitationRecipe Recipe, string MergeKey, Instant? NotBefore = null);

/// <summary>
/// The mail outbox. <see cref="EnqueueAsync"/> adds to the current unit of work (the scoped DbContext) and does not
/// save: the caller's SaveChanges commits the mail together with its cause. A background dispatcher delivers it.
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync(OutboxMessage message, CancellationToken ct);

    Task EnqueueAsync(OutboxInvitation invitation, CancellationToken ct);
}
