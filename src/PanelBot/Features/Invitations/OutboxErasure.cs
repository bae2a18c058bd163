using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Forgets the mail of people who asked to be forgotten (GDPR Art. 17): outbox rows, their MIME and any copy in the
/// pickup folder. A withdrawal still on its way, or a row being sent right now, goes first and is erased when done.
/// </summary>
public sealed class OutboxErasure(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<OutboxErasure> logger)
{
    /// <summary>Adds the deletions to <paramref name="db"/>'s unit of work; the caller saves.</summary>
    public async Task ForgetAsync(PanelBotDbContext db, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        var lowered = addresses.Select(a => a.Trim().ToLowerInvariant()).Distinct().ToList();
        if (lowered.Count == 0)
        {
            return;
        }

        var rows = await db.OutboxMessages.Where(m => lowered.Contains(m.Recipient.ToLower())).ToListAsync(ct);
        foreach (var row in rows)
        {
            var stillToSend = row.State == OutboxState.Sending
                              || (row.State == OutboxState.Pending && row.Kind == InvitationKind.Withdrawal.OutboxKind());
            if (stillToSend)
            {
                row.EraseWhenDone = true;
                continue;
            }
            db.OutboxMessages.Remove(row);
            DeletePickupCopy(row.MessageId);
        }
    }

    /// <summary>
    /// Deletes marked rows that are already done: a send that finished while <see cref="ForgetAsync"/> was marking
    /// it found no mark yet. Run after the marks are saved.
    /// </summary>
    public async Task SweepDoneAsync(PanelBotDbContext db, CancellationToken ct)
    {
        var done = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EraseWhenDone && (m.State == OutboxState.Sent || m.State == OutboxState.Failed))
            .Select(m => new { m.Id, m.MessageId }).ToListAsync(ct);
        foreach (var row in done)
        {
            await db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteDeleteAsync(ct);
            DeletePickupCopy(row.MessageId);
        }
    }

    /// <summary>After a row whose recipient was forgotten is sent or given up: deletes it and its pickup copy.</summary>
    public async Task EraseAsync(PanelBotDbContext db, long id, string messageId, CancellationToken ct)
    {
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
        DeletePickupCopy(messageId);
    }

    private void DeletePickupCopy(string messageId)
    {
        if (options.Value.EffectiveTransport != MailTransportKind.Pickup)
        {
            return;
        }

        var path = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory, PickupDirectoryTransport.FileNameFor(messageId));
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete the pickup copy of a forgotten person's mail: {Error}", ex.GetType().Name);
        }
    }
}
