using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Features.Operations;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Delivers due outbox rows through the configured transport in batches, several at a time. A row is claimed with a
/// conditional UPDATE (Pending → Sending), so two instances never send the same row; it is marked Sent, with the rest of
/// its batch, once the server has accepted it. Transient failures go back to Pending with back-off, permanent ones to
/// Failed. A claim is a lease (<see cref="MailOptions.SendingLease"/>) renewed while the server is being talked to, so
/// rows a dead instance left in Sending are released within one lease; on SQLite, which one instance uses, they are
/// released at start-up.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    WriteGate writes,
    SqliteWriter writer,
    OutboxErasure erasure,
    ClaimedMail claimedMail,
    IOptions<MailOptions> options,
    TimeProvider clock,
    PanelBotMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;
    // Claimed and recorded together; at least the messages sent at once.
    private const int ClaimBatch = 32;
    // A lease can only run out a lease after its last renewal: looking a few times per lease is enough.
    private readonly Periodic _stuckCheck = new(clock, () => options.Value.SendingLease / 4);

    /// <summary>Runs one dispatch round now (tests, and the signal after a commit).</summary>
    public void Wake() => signal.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await ReleaseLeftByPreviousRunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                if (_stuckCheck.IsDue())
                {
                    await ReleaseStuckAsync(stoppingToken);
                }

                sent = await DispatchDueAsync(stoppingToken);
                if (sent == BatchSize)
                {
                    continue; // more may be due right away
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch round failed; retrying at the next poll");
            }

            try
            {
                // On SQLite the claims queue at the write gate behind the answers, which batches them already: a wait
                // there only left mail behind.
                var gather = writes.QueuesAllWrites ? TimeSpan.Zero : options.Value.DispatchGather;
                await signal.WaitAsync(options.Value.DispatchInterval, gather, sent, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every due row once; returns how many rows were looked at.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            due = [];
            await foreach (var id in DueIds.For(db)(db, now).WithCancellation(ct))
            {
                due.Add(id);
            }
        }

        foreach (var chunk in due.Chunk(Math.Max(ClaimBatch, options.Value.EffectiveMaxInFlight)))
        {
            await DeliverAsync(chunk, ct);
        }

        return due.Count;
    }

    /// <summary>
    /// Claims the rows in one transaction, sends them, and records their outcomes in one more: two turns at the write
    /// gate for the lot instead of two per message. Under a burst of answers the gate is a queue, and a dispatcher that
    /// joined it twice per message fell minutes behind the invitations the answers were queueing.
    /// </summary>
    private async Task DeliverAsync(long[] ids, CancellationToken ct)
    {
        var claimed = await ClaimAsync(ids, ct);
        if (claimed.Count == 0)
        {
            return; // replaced by newer messages to the same people, or another instance took them
        }

        var events = await claimedMail.EventsAsync(claimed, ct);
        var outcomes = new Outcome?[claimed.Count];
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lease = RenewLeaseAsync(claimed.Select(e => e.Id).ToArray(), renewing.Token);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveMaxInFlight, CancellationToken = ct },
                async (i, token) => outcomes[i] = await SendAsync(claimed[i], events, token));
        }
        finally
        {
            await StopAsync(renewing, lease);
            // Not cancellable: what the server accepted must be recorded even while stopping; what was never tried (the
            // app is stopping) goes back to Pending for the next run (the crash window applies).
            await RecordAsync(claimed.Select((entry, i) => outcomes[i] ?? Interrupted(entry)).ToList(), CancellationToken.None);
        }
    }

    private async Task<List<OutboxEntry>> ClaimAsync(long[] ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var now = clock.GetCurrentInstant();
        var claimed = new List<OutboxEntry>(ids.Length);
        using var gate = await writes.EnterAsync(ct);
        await OutboxRows.InTransactionAsync(db, writer, async () =>
        {
            claimed.Clear(); // a run the execution strategy repeats starts from nothing
            foreach (var id in ids)
            {
                if (await OutboxRows.ClaimAsync(db, writer, id, now, ct) is { } entry)
                {
                    claimed.Add(entry);
                }
            }
        }, ct);
        return claimed;
    }

    private async Task<Outcome> SendAsync(OutboxEntry entry, IReadOnlyDictionary<long, Event> events, CancellationToken ct)
    {
        if (entry.IsComposed)
        {
            return await SendComposedAsync(entry, ct);
        }

        if (claimedMail.Compose(entry, events) is { } failure)
        {
            return new Outcome(entry, OutboxState.Failed, failure) { Count = metrics.MailFailed };
        }

        return await SendComposedAsync(entry, ct) with { Composed = entry.Mime };
    }

    private async Task<Outcome> SendComposedAsync(OutboxEntry entry, CancellationToken ct)
    {
        if (!MailAddresses.TryParseAddress(entry.Sender, out var sender) || entry.Recipients.Any(r => !MailAddresses.TryParseAddress(r, out _)))
        {
            // Only this message fails; the rest of the batch goes on.
            logger.LogWarning("Outbox message {Id} ({Kind}) has an address that cannot be sent to", entry.Id, entry.Kind);
            return new Outcome(entry, OutboxState.Failed, "An address of this message cannot be sent to.");
        }

        var envelope = new MailEnvelope(
            sender,
            entry.Recipients.Select(MimeKit.MailboxAddress.Parse).ToArray(),
            entry.MessageId,
            entry.Mime);
        try
        {
            var result = await transport.SendAsync(envelope, ct);
            var note = result.AllAccepted ? null
                : "Refused: " + string.Join("; ", result.Rejected.Select(r => $"{r.Recipient} ({r.Reply})"));
            return new Outcome(entry, OutboxState.Sent, note) { Count = metrics.MailSent };
        }
        catch (MailPermanentException ex)
        {
            logger.LogWarning("Outbox message {Id} ({Kind}) failed permanently: {Error}", entry.Id, entry.Kind, LogText.WithoutAddresses(ex.Message));
            return new Outcome(entry, OutboxState.Failed, ex.Message) { Count = metrics.MailFailed };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Interrupted(entry); // stopping before the server's answer
        }
        catch (Exception ex) when (ex is MailTransientException or OperationCanceledException or IOException)
        {
            var attempts = entry.Attempts; // already counts this try (the claim raised it)
            var retryAfter = (ex as MailTransientException)?.RetryAfter;

            if (attempts >= options.Value.MaxAttempts)
            {
                logger.LogWarning("Outbox message {Id} ({Kind}) gave up after {Attempts} attempts: {Error}", entry.Id, entry.Kind, attempts,
                    LogText.WithoutAddresses(ex.Message));
                return new Outcome(entry, OutboxState.Failed, $"Gave up after {attempts} attempts: {ex.Message}") { Count = metrics.MailFailed };
            }

            var next = clock.GetCurrentInstant() + RetryPolicy.Delay(attempts, options.Value, retryAfter).ToDuration();
            logger.LogInformation("Outbox message {Id} will be retried at {Next}: {Error}", entry.Id, next, LogText.WithoutAddresses(ex.Message));
            return new Outcome(entry, OutboxState.Pending, ex.Message, next) { Count = metrics.MailRetried };
        }
    }

    private static Outcome Interrupted(OutboxEntry entry) => new(entry, OutboxState.Pending, "Interrupted while sending (shutdown).");

    private async Task RecordAsync(IReadOnlyList<Outcome> outcomes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var now = clock.GetCurrentInstant();
        var erase = new List<(long Id, string MessageId)>();
        using var gate = await writes.EnterAsync(ct);
        await OutboxRows.InTransactionAsync(db, writer, async () =>
        {
            erase.Clear(); // a run the execution strategy repeats starts from nothing
            foreach (var o in outcomes)
            {
                var error = o.Error is { Length: > 2000 } ? o.Error[..2000] : o.Error;
                if (await OutboxRows.RecordAsync(db, writer, o.Entry.Id, o.State, error, now, o.NextAttempt, o.Composed, ct) is { } messageId
                    && o.State is OutboxState.Sent or OutboxState.Failed)
                {
                    erase.Add((o.Entry.Id, messageId));
                }
            }
        }, ct);

        foreach (var o in outcomes)
        {
            o.Count?.Invoke(o.Entry.Kind);
        }

        // After the commit: the erasure writes through the context's own connection.
        foreach (var (id, messageId) in erase)
        {
            await erasure.EraseAsync(db, id, messageId, ct);
        }
    }

    /// <summary>Keeps the claims alive while the server is being talked to: a third of the lease, then again.</summary>
    private async Task RenewLeaseAsync(long[] ids, CancellationToken ct)
    {
        var every = options.Value.SendingLease / 3;
        try
        {
            while (true)
            {
                // Stopped as soon as the sends end (every batch): a delay that throws on cancellation would cost an
                // exception per batch.
                await Task.Delay(every, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (ct.IsCancellationRequested)
                {
                    return;
                }

                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
                var now = clock.GetCurrentInstant();
                using var gate = await writes.EnterAsync(ct);
                await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, now), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // A missed renewal only risks a second send after the lease, which the crash window already allows.
            logger.LogWarning(ex, "Could not renew the claims on {Count} outbox messages", ids.Length);
        }
    }

    private static async Task StopAsync(CancellationTokenSource renewing, Task lease)
    {
        await renewing.CancelAsync();
        await lease;
    }

    /// <summary>
    /// SQLite is one instance's database: whatever is still Sending at start-up was claimed by the previous run, which
    /// is gone, so it is released now instead of after the lease.
    /// </summary>
    public async Task<int> ReleaseLeftByPreviousRunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        var released = await db.OutboxMessages.Where(m => m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending)
                .SetProperty(m => m.LastError, "Released at start-up after an interrupted send."), ct);
        if (released > 0)
        {
            logger.LogWarning("Released {Count} outbox messages left in Sending by the previous run", released);
        }

        return released;
    }

    /// <summary>Rows whose lease ran out (their instance died) go back to Pending (they may be sent twice: see README).</summary>
    public async Task<int> ReleaseStuckAsync(CancellationToken ct)
    {
        var cutoff = clock.GetCurrentInstant() - options.Value.SendingLease.ToDuration();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var released = await db.OutboxMessages
            .Where(m => m.State == OutboxState.Sending && (m.ClaimedAt == null || m.ClaimedAt < cutoff))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending)
                .SetProperty(m => m.LastError, "Released after an interrupted send."), ct);
        if (released > 0)
        {
            logger.LogWarning("Released {Count} outbox messages left in Sending by an interrupted run", released);
        }

        return released;
    }

    /// <summary>
    /// What became of one claimed message, the counter to raise once that is recorded, and its bytes when they were
    /// composed at this claim.
    /// </summary>
    private sealed record Outcome(OutboxEntry Entry, OutboxState State, string? Error, Instant? NextAttempt = null)
    {
        public Action<string>? Count { get; init; }

        public byte[]? Composed { get; init; }
    }

    // Asked on every wake-up after a commit that queues mail: compiled once rather than translated per call.
    private static readonly CompiledQuery<Func<PanelBotDbContext, Instant, IAsyncEnumerable<long>>> DueIds = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, Instant now) => db.Set<OutboxEntry>().AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NotBefore <= now && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .Select(m => m.Id)));
}
