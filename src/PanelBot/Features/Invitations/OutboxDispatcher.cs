using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Features.Operations;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Delivers due outbox rows through the configured transport, several at a time. A row is claimed with a conditional
/// UPDATE (Pending → Sending), so two instances never send the same row; it is marked Sent as soon as the server has
/// accepted it. Transient failures go back to Pending with back-off, permanent ones to Failed. A claim is a lease
/// (<see cref="MailOptions.SendingLease"/>) renewed while the server is being talked to, so rows a dead instance left in
/// Sending are released within one lease; on SQLite, which one instance uses, they are released at start-up.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    WriteGate writes,
    SqliteWriter writer,
    OutboxErasure erasure,
    IOptions<MailOptions> options,
    TimeProvider clock,
    PanelBotMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;
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
            try
            {
                if (_stuckCheck.IsDue())
                {
                    await ReleaseStuckAsync(stoppingToken);
                }

                var sent = await DispatchDueAsync(stoppingToken);
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
                await signal.WaitAsync(options.Value.DispatchInterval, stoppingToken);
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
        List<DueRow> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            due = [];
            await foreach (var id in DueIds.For(db)(db, now).WithCancellation(ct))
            {
                due.Add(new DueRow(id));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveMaxInFlight, CancellationToken = ct },
            async (row, token) => await DeliverAsync(row, token));
        return due.Count;
    }

    private async Task DeliverAsync(DueRow row, CancellationToken ct)
    {
        OutboxEntry? entry;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            var now = clock.GetCurrentInstant();
            using var gate = await writes.EnterAsync(ct);
            entry = await OutboxRows.ClaimAsync(db, writer, row.Id, now, ct);
            if (entry is null)
            {
                return; // replaced by a newer message to the same person, or another instance took it
            }
        }

        if (!MailAddresses.TryParseAddress(entry.Sender, out var sender) || entry.Recipients.Any(r => !MailAddresses.TryParseAddress(r, out _)))
        {
            // Only this message fails; the rest of the batch goes on.
            logger.LogWarning("Outbox message {Id} ({Kind}) has an address that cannot be sent to", entry.Id, entry.Kind);
            await RecordAsync(entry.Id, OutboxState.Failed, "An address of this message cannot be sent to.", null, CancellationToken.None);
            return;
        }

        var envelope = new MailEnvelope(
            sender,
            entry.Recipients.Select(MimeKit.MailboxAddress.Parse).ToArray(),
            entry.MessageId,
            entry.Mime);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lease = RenewLeaseAsync(entry.Id, renewing.Token);
        try
        {
            var result = await transport.SendAsync(envelope, ct);
            await StopAsync(renewing, lease);
            var note = result.AllAccepted ? null
                : "Refused: " + string.Join("; ", result.Rejected.Select(r => $"{r.Recipient} ({r.Reply})"));
            // Not cancellable: the server has accepted the message, so this must be recorded even while stopping.
            await RecordAsync(entry.Id, OutboxState.Sent, note, null, CancellationToken.None);
            metrics.MailSent(entry.Kind);
        }
        catch (MailPermanentException ex)
        {
            await StopAsync(renewing, lease);
            logger.LogWarning("Outbox message {Id} ({Kind}) failed permanently: {Error}", entry.Id, entry.Kind, LogText.WithoutAddresses(ex.Message));
            await RecordAsync(entry.Id, OutboxState.Failed, ex.Message, null, CancellationToken.None);
            metrics.MailFailed(entry.Kind);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await StopAsync(renewing, lease);
            // Stopping before the server's answer: try again on the next run (the crash window applies).
            await RecordAsync(entry.Id, OutboxState.Pending, "Interrupted while sending (shutdown).", null, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is MailTransientException or OperationCanceledException or IOException)
        {
            await StopAsync(renewing, lease);
            var attempts = entry.Attempts; // already counts this try (the claim raised it)
            var retryAfter = (ex as MailTransientException)?.RetryAfter;

            if (attempts >= options.Value.MaxAttempts)
            {
                logger.LogWarning("Outbox message {Id} ({Kind}) gave up after {Attempts} attempts: {Error}", entry.Id, entry.Kind, attempts,
                    LogText.WithoutAddresses(ex.Message));
                await RecordAsync(entry.Id, OutboxState.Failed, $"Gave up after {attempts} attempts: {ex.Message}", null, CancellationToken.None);
                metrics.MailFailed(entry.Kind);
                return;
            }

            var next = clock.GetCurrentInstant() + RetryPolicy.Delay(attempts, options.Value, retryAfter).ToDuration();
            logger.LogInformation("Outbox message {Id} will be retried at {Next}: {Error}", entry.Id, next, LogText.WithoutAddresses(ex.Message));
            await RecordAsync(entry.Id, OutboxState.Pending, ex.Message, next, CancellationToken.None);
            metrics.MailRetried(entry.Kind);
        }
    }

    private async Task RecordAsync(long id, OutboxState state, string? error, Instant? nextAttempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var now = clock.GetCurrentInstant();
        var truncated = error is { Length: > 2000 } ? error[..2000] : error;
        using var gate = await writes.EnterAsync(ct);
        if (await OutboxRows.RecordAsync(db, writer, id, state, truncated, now, nextAttempt, ct) is { } messageId && state is OutboxState.Sent or OutboxState.Failed)
        {
            await erasure.EraseAsync(db, id, messageId, ct);
        }
    }

    /// <summary>Keeps the claim alive while the server is being talked to: a third of the lease, then again.</summary>
    private async Task RenewLeaseAsync(long id, CancellationToken ct)
    {
        var every = options.Value.SendingLease / 3;
        try
        {
            while (true)
            {
                // Stopped as soon as the send ends (every mail): a delay that throws on cancellation would cost an
                // exception per message.
                await Task.Delay(every, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (ct.IsCancellationRequested)
                {
                    return;
                }

                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
                var now = clock.GetCurrentInstant();
                await db.OutboxMessages.Where(m => m.Id == id && m.State == OutboxState.Sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, now), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // A missed renewal only risks a second send after the lease, which the crash window already allows.
            logger.LogWarning(ex, "Could not renew the claim on outbox message {Id}", id);
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

    private sealed record DueRow(long Id);

    // Asked on every wake-up after a commit that queues mail: compiled once rather than translated per call.
    private static readonly CompiledQuery<Func<PanelBotDbContext, Instant, IAsyncEnumerable<long>>> DueIds = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, Instant now) => db.Set<OutboxEntry>().AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NotBefore <= now && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .Select(m => m.Id)));
}
