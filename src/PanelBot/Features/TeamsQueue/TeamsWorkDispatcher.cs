using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.BotFramework;
using PanelBot.Storage;

namespace PanelBot.Features.TeamsQueue;

/// <summary>
/// Runs queued Teams work off the request path, several at a time. A row is claimed with a conditional UPDATE, so two
/// instances never run the same row; it is deleted when done. Throttling (429, honouring Retry-After), 5xx and network
/// failures are tried again later with back-off; a conversation the bot can no longer write to drops the work.
/// </summary>
public sealed class TeamsWorkDispatcher(
    IServiceScopeFactory scopes,
    TeamsWorkSignal signal,
    WriteGate writes,
    IOptions<TeamsQueueOptions> options,
    TimeProvider clock,
    ILogger<TeamsWorkDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    // A claim can only time out a time-out after it was made: looking a few times per time-out is enough.
    private readonly Periodic _stuckCheck = new(clock, () => options.Value.ClaimTimeout / 4);

    public void Wake() => signal.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await ReleaseLeftByPreviousRunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                if (_stuckCheck.IsDue())
                {
                    await ReleaseStuckAsync(stoppingToken);
                }

                ran = await RunDueAsync(stoppingToken);
                if (ran == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Teams work round failed; retrying at the next poll");
            }

            try
            {
                var gather = writes.QueuesAllWrites ? TimeSpan.Zero : options.Value.Gather; // as OutboxDispatcher's
                await signal.WaitAsync(options.Value.PollInterval, gather, ran, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs every due row once (a batch at a time); returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var batch = await ClaimDueAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        var done = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxInFlight, CancellationToken = ct },
            async (item, token) =>
            {
                if (await RunAsync(item, token))
                {
                    done.Add(item.Id);
                }
            });
        await DeleteAsync([.. done]);
        return batch.Count;
    }

    /// <summary>
    /// Claims up to a batch of due rows (what was promised to people first, then card refreshes, then look-ups) in one
    /// short write transaction: on SQLite the transaction holds the database's write lock from its start; on PostgreSQL
    /// <c>FOR UPDATE SKIP LOCKED</c> leaves rows another instance is claiming.
    /// </summary>
    private async Task<List<TeamsWorkItem>> ClaimDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var now = clock.GetCurrentInstant();
        using var gate = await writes.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        List<long> ids;
        if (db.Database.IsNpgsql())
        {
            ids = await db.Database.SqlQuery<long>(
                $"SELECT id AS \"Value\" FROM teams_work WHERE claimed_at IS NULL AND next_attempt_at <= {now.ToDateTimeUtc()} ORDER BY CASE kind WHEN 'notice' THEN 0 WHEN 'refresh-cards' THEN 1 ELSE 2 END, id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
        }
        else
        {
            ids = await db.TeamsWork.Where(w => w.ClaimedAt == null && w.NextAttemptAt <= now)
                .OrderBy(w => w.Kind == TeamsWorkKinds.Notice ? 0 : w.Kind == TeamsWorkKinds.RefreshCards ? 1 : 2).ThenBy(w => w.Id)
                .Take(BatchSize).Select(w => w.Id).ToListAsync(ct);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        await db.TeamsWork.Where(w => ids.Contains(w.Id) && w.ClaimedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedAt, now).SetProperty(w => w.Attempts, w => w.Attempts + 1), ct);
        var claimed = await db.TeamsWork.AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync(ct); // all ours: selected unclaimed under the lock
        await tx.CommitAsync(ct);
        return claimed;
    }

    /// <summary>Runs one claimed row; true when it is done (or dropped), false when it went back to the queue.</summary>
    private async Task<bool> RunAsync(TeamsWorkItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var id = item.Id;
        try
        {
            await scope.ServiceProvider.GetRequiredService<TeamsWorkRunner>().RunAsync(item, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(db, item, "Interrupted (shutdown).", clock.GetCurrentInstant());
            throw;
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            if (item.Attempts >= options.Value.MaxAttempts)
            {
                logger.LogWarning("Teams work {Id} ({Kind}) gave up after {Attempts} tries: {Error}", id, item.Kind, item.Attempts, ex.Message);
                return true;
            }
            var retryAfter = (ex as ConnectorException)?.RetryAfter;
            var next = clock.GetCurrentInstant() + options.Value.RetryDelay(item.Attempts, retryAfter).ToDuration();
            logger.LogInformation("Teams work {Id} ({Kind}) will be tried again at {Next}: {Error}", id, item.Kind, next, ex.Message);
            await ReleaseAsync(db, item, ex.Message, next);
            return false;
        }
        catch (Exception ex) when (ex is ConnectorException or UntrustedServiceUrlException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Teams work {Id} ({Kind}) cannot be done and is dropped", id, item.Kind);
            return true;
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        ConnectorException connector => connector.IsTransient,
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => true, // an HttpClient time-out
        TeamsThrottledException => true,
        _ => false,
    };

    private async Task DeleteAsync(IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        // Not cancellable: the work is done and must not be run again because the app is stopping.
        using (await writes.EnterAsync(CancellationToken.None))
        {
            await db.TeamsWork.Where(w => ids.Contains(w.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>Back to pending (true); a newer pending row with the same key already covers it, so then it goes (false).</summary>
    private async Task<bool> ReleaseAsync(PanelBotDbContext db, TeamsWorkItem item, string error, Instant next)
    {
        var truncated = error.Length > 2000 ? error[..2000] : error;
        try
        {
            using var gate = await writes.EnterAsync(CancellationToken.None);
            var mine = db.TeamsWork.Where(w => w.Id == item.Id);
            // Looked for first rather than left to the unique index: its violation would be logged as an error by EF Core,
            // and under load (a card refreshed on every answer) a newer refresh is usually waiting.
            if (item.CoalesceKey is { } key
                && await db.TeamsWork.AnyAsync(w => w.CoalesceKey == key && w.ClaimedAt == null && w.Id != item.Id, CancellationToken.None))
            {
                await mine.ExecuteDeleteAsync(CancellationToken.None);
                return false;
            }

            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(w => w.ClaimedAt, (Instant?)null)
                .SetProperty(w => w.NextAttemptAt, next)
                .SetProperty(w => w.LastError, truncated), CancellationToken.None);
            return true;
        }
        catch (DbException) when (item.CoalesceKey is not null)
        {
            // A newer one was queued by another instance between the look and the update.
            await DeleteAsync([item.Id]);
            return false;
        }
    }

    /// <summary>
    /// SQLite is one instance's database: whatever is still claimed at start-up was claimed by the previous run, which is
    /// gone, so it goes back to the queue now instead of after the claim time-out.
    /// </summary>
    public async Task<int> ReleaseLeftByPreviousRunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<PanelBotDbContext>().Database.IsSqlite())
        {
            return 0;
        }

        var released = await ReleaseClaimedBeforeAsync(Instant.MaxValue, "Released at start-up after an interrupted run.", ct);
        if (released > 0)
        {
            logger.LogWarning("Released {Count} Teams work items left claimed by the previous run", released);
        }

        return released;
    }

    /// <summary>Rows a crashed instance left claimed go back to the queue (or go, when a newer one covers them).</summary>
    public Task ReleaseStuckAsync(CancellationToken ct) =>
        ReleaseClaimedBeforeAsync(clock.GetCurrentInstant() - options.Value.ClaimTimeout.ToDuration(), "Released after an interrupted run.", ct);

    /// <summary>Returns how many went back to the queue (the others were covered by a newer row with their key).</summary>
    private async Task<int> ReleaseClaimedBeforeAsync(Instant cutoff, string why, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var stuck = await db.TeamsWork.AsNoTracking().Where(w => w.ClaimedAt != null && w.ClaimedAt < cutoff).ToListAsync(ct);
        var requeued = 0;
        foreach (var item in stuck)
        {
            logger.LogWarning("Teams work {Id} ({Kind}) was left claimed by an interrupted run; queued again", item.Id, item.Kind);
            if (await ReleaseAsync(db, item, why, clock.GetCurrentInstant()))
            {
                requeued++;
            }
        }

        return requeued;
    }
}

/// <summary>Teams' limits (as this instance keeps them) have no room now: try later.</summary>
public sealed class TeamsThrottledException(string message) : Exception(message);
