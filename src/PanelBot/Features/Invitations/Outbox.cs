using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Features.Operations;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Adds the row to the caller's unit of work: composed mail as its bytes, calendar mail as the recipe the dispatcher
/// composes it from when it is sent. With a merge key, the newest message wins: older pending ones with the same key
/// are skipped by the dispatcher (<see cref="OutboxState.Superseded"/>), and the new one is due no later than the
/// oldest it replaces, so merging never delays mail that was already due.
/// </summary>
public sealed class Outbox(
    PanelBotDbContext db,
    WriteBatch batch,
    OutboxSignal signal,
    DkimSigning dkim,
    IOptions<MailOptions> options,
    TimeProvider clock,
    PanelBotMetrics metrics) : IOutbox
{
    private readonly List<OutboxEntry> _added = [];
    private bool _subscribed;

    public Task EnqueueAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = MailEnvelope.Create(message.Mail, dkim.Signer);
        return AddAsync(new OutboxEntry
        {
            EventId = message.EventId,
            Kind = message.Kind,
            Sender = envelope.Sender.Address,
            Recipient = string.Join(", ", envelope.Recipients.Select(r => r.Address)),
            MessageId = envelope.MessageId,
            Mime = envelope.Mime.ToArray(),
            MergeKey = message.MergeKey,
        }, message.NotBefore, ct);
    }

    public Task EnqueueAsync(OutboxInvitation invitation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var sender = options.Value.Sender;
        return AddAsync(new OutboxEntry
        {
            EventId = invitation.EventId,
            Kind = invitation.Recipe.Kind.OutboxKind(),
            Sender = sender.Address,
            Recipient = MailAddresses.Mailbox(invitation.Email).Address,
            // Given now, so that every attempt, and a send repeated after a crash, carries the same one.
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(sender.Domain),
            Mime = [],
            Recipe = invitation.Recipe.ToJson(),
            MergeKey = invitation.MergeKey,
        }, invitation.NotBefore, ct);
    }

    private async Task AddAsync(OutboxEntry entry, Instant? requested, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var notBefore = requested is { } wanted && wanted > now ? wanted : now;
        entry.State = OutboxState.Pending;
        entry.NextAttemptAt = now;
        entry.CreatedAt = now;
        if (batch.IsOpen)
        {
            entry.NotBefore = notBefore;
            Insert(entry, now);
            return;
        }

        if (entry.MergeKey is { } key)
        {
            // Same unit of work: not yet in the database, so simply replace it.
            foreach (var added in db.ChangeTracker.Entries<OutboxEntry>()
                         .Where(e => e.State == EntityState.Added && e.Entity.MergeKey == key).ToList())
            {
                notBefore = Min(notBefore, added.Entity.NotBefore);
                added.State = EntityState.Detached;
            }

            await foreach (var due in PendingDue.For(db)(db, key).WithCancellation(ct))
            {
                notBefore = Min(notBefore, due);
            }
        }

        entry.NotBefore = notBefore;
        db.OutboxMessages.Add(entry);
        _added.Add(entry);
        if (!_subscribed)
        {
            _subscribed = true;
            db.SavedChanges += (_, _) => Committed();
        }
    }

    /// <summary>
    /// The row as one statement of the open change's command. A pending message with the same merge key makes the new
    /// one due no later than it was (the dispatcher skips the older one when it sees the newer).
    /// </summary>
    private void Insert(OutboxEntry entry, Instant now)
    {
        batch.Add(new SqlWrite(
            "INSERT INTO outbox_messages (event_id, kind, sender, recipient, message_id, mime, not_before, merge_key, state, attempts, " +
            "next_attempt_at, created_at, recipe) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, " +
            "COALESCE((SELECT MIN(not_before) FROM outbox_messages WHERE merge_key = {7} AND state = {8} AND not_before < {6}), {6}), " +
            "{7}, {8}, 0, {9}, {9}, {10})",
            [entry.EventId, entry.Kind, entry.Sender, entry.Recipient, entry.MessageId, entry.Mime, entry.NotBefore.ToDateTimeUtc(),
                entry.MergeKey, nameof(OutboxState.Pending), now.ToDateTimeUtc(), entry.Recipe]),
            committed: () =>
            {
                metrics.MailQueued(entry.Kind);
                signal.Notify();
            });
    }

    /// <summary>Counted once saved; a row replaced by a later merge in the same unit of work was never stored.</summary>
    private void Committed()
    {
        foreach (var entry in _added.Where(e => db.Entry(e).State != EntityState.Detached))
        {
            metrics.MailQueued(entry.Kind);
        }

        _added.Clear();
        signal.Notify();
    }

    // Every invitation asks this: compiled once rather than translated per call.
    private static readonly CompiledQuery<Func<PanelBotDbContext, string, IAsyncEnumerable<Instant>>> PendingDue = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, string key) =>
            db.Set<OutboxEntry>().AsNoTracking().Where(m => m.MergeKey == key && m.State == OutboxState.Pending).Select(m => m.NotBefore)));

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
