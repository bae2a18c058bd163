using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Storage;

namespace PanelBot.Features.Events.Forms;

/// <summary>
/// Makes a form act once. Every rendered form carries a fresh submission id; the first submit claims it with a committed
/// insert (the primary key serialises two clicks that arrive together, on any instance), a repeat finds the claim.
/// </summary>
public sealed class CardSubmissions(PanelBotDbContext db, TimeProvider clock)
{
    public const string Key = "submission";

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>True when this submit is the first with its id; false for a repeat (with the event it already changed, if known).</summary>
    public async Task<(bool First, int? EventNumber)> ClaimAsync(string? submissionId, string userId, int? eventNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(submissionId) || submissionId.Length > 64)
        {
            return (true, null);
        }

        var existing = await db.CardSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.SubmissionId == submissionId, ct);
        if (existing is not null)
        {
            return (false, existing.EventNumber);
        }

        // The second of two clicks that arrive together inserts nothing, rather than failing on the key (no error logged,
        // and on PostgreSQL no aborted transaction).
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO card_submissions (submission_id, user_id, event_number, created_at) VALUES ({submissionId}, {userId}, {eventNumber}, {now}) ON CONFLICT (submission_id) DO NOTHING", ct);
        if (claimed == 1)
        {
            return (true, null);
        }

        var winner = await db.CardSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.SubmissionId == submissionId, ct);
        return (false, winner?.EventNumber);
    }

    /// <summary>Gives a claim back when the submit changed nothing (it came back with errors), so the same form can be sent again.</summary>
    public async Task ReleaseAsync(string? submissionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(submissionId))
        {
            return;
        }

        await db.CardSubmissions.Where(s => s.SubmissionId == submissionId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Notes which event a claimed submission created, so a repeat can show it.</summary>
    public async Task CompleteAsync(string? submissionId, int eventNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(submissionId))
        {
            return;
        }

        var claim = await db.CardSubmissions.SingleOrDefaultAsync(s => s.SubmissionId == submissionId, ct);
        if (claim is null)
        {
            return;
        }

        claim.EventNumber = eventNumber;
        await db.SaveChangesAsync(ct);
    }
}
