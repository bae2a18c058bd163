using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.Conversation;
using PanelBot.Features.Events.Forms;
using PanelBot.Features.PrivateChats;
using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>
/// Moves what is stored under a person's older keys (<see cref="UserKey.Aliases"/>) to their person key, on the turn
/// where the bot first sees them under that key or with a new account id. One transaction; running it again finds
/// nothing left to move. Where both keys hold a row for the same thing (a profile, an RSVP to one event), the row
/// under the person key wins.
/// </summary>
public sealed class UserKeyMoves(PanelBotDbContext db, WriteGate writes, Seen<UserProfiles> profilesSeen)
{
    public async Task MoveAsync(IReadOnlyList<string> aliases, string key, CancellationToken ct)
    {
        var from = aliases.Where(a => a != key).ToList();
        if (from.Count == 0 || !await AnythingUnderAsync(from, ct))
        {
            return; // a new person: one read, no write transaction
        }

        using var gate = await writes.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var theirEvents = db.Registrations.Where(r => r.UserId == key).Select(r => r.EventId);
        await db.Registrations.Where(r => from.Contains(r.UserId) && theirEvents.Contains(r.EventId)).ExecuteDeleteAsync(ct);
        await db.Registrations.Where(r => from.Contains(r.UserId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, key), ct);

        var hasProfile = await db.UserProfiles.AnyAsync(p => p.UserId == key, ct);
        var old = db.UserProfiles.Where(p => from.Contains(p.UserId));
        if (hasProfile)
        {
            await old.ExecuteDeleteAsync(ct);
        }
        else if ((await old.Select(p => new { p.UserId, p.UpdatedAt }).ToListAsync(ct))
                 .OrderByDescending(p => p.UpdatedAt).Select(p => p.UserId).FirstOrDefault() is { } newest)
        {
            await old.Where(p => p.UserId != newest).ExecuteDeleteAsync(ct);
            await db.UserProfiles.Where(p => p.UserId == newest).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, key), ct);
        }

        // The private line is written afresh from this turn.
        await db.PrivateChats.Where(p => from.Contains(p.UserId)).ExecuteDeleteAsync(ct);
        await db.CardSubmissions.Where(c => from.Contains(c.UserId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, key), ct);
        await db.Events.Where(e => from.Contains(e.CreatorId)).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.CreatorId, key).SetProperty(e => e.Version, e => e.Version + 1), ct);
        foreach (var alias in from)
        {
            // Co-organisers are a JSON list; the id appears there as a JSON string written by the same serializer.
            var was = JsonSerializer.Serialize(alias, JsonColumn.Options);
            var now = JsonSerializer.Serialize(key, JsonColumn.Options);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE events SET co_organisers = REPLACE(co_organisers, {was}, {now}), version = version + 1 WHERE co_organisers <> REPLACE(co_organisers, {was}, {now})",
                ct);
        }
        await tx.CommitAsync(ct);
        foreach (var moved in from.Append(key))
        {
            profilesSeen.Forget(moved);
        }
    }

    /// <summary>Whether any row the move would change is stored under one of the older keys.</summary>
    private async Task<bool> AnythingUnderAsync(IReadOnlyList<string> from, CancellationToken ct)
    {
        var ids = string.Join(", ", from.Select((_, i) => $"{{{i}}}"));
        // Co-organisers are a JSON list, searched the way the move replaces them (the id as a JSON string).
        var coOrganiser = string.Join(" OR ", from.Select((_, i) => $"co_organisers <> REPLACE(co_organisers, {{{from.Count + i}}}, '')"));
        var sql = $"""
            SELECT 1 AS "Value" FROM registrations WHERE user_id IN ({ids})
            UNION ALL SELECT 1 FROM user_profiles WHERE user_id IN ({ids})
            UNION ALL SELECT 1 FROM private_chats WHERE user_id IN ({ids})
            UNION ALL SELECT 1 FROM card_submissions WHERE user_id IN ({ids})
            UNION ALL SELECT 1 FROM events WHERE creator_id IN ({ids}) OR {coOrganiser}
            LIMIT 1
            """;
        object[] values = [.. from, .. from.Select(a => JsonSerializer.Serialize(a, JsonColumn.Options))];
        return (await db.Database.SqlQueryRaw<int>(sql, values).ToListAsync(ct)).Count > 0;
    }
}
