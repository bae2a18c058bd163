using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Invitations;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Scheduling;
using PanelBot.Features.TeamsQueue;
using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>Where a person's name and address are kept, and their erasure for <c>forget me confirm</c>.</summary>
public sealed class PersonalData(PanelBotDbContext db, OutboxErasure outbox, Seen<UserProfiles> profilesSeen)
{
    /// <summary>Every address the bot holds for the person (profile and RSVPs).</summary>
    public async Task<IReadOnlyList<string>> AddressesOfAsync(string userId, CancellationToken ct)
    {
        var fromProfile = await db.UserProfiles.AsNoTracking().Where(p => p.UserId == userId && p.Email != null)
            .Select(p => p.Email!).ToListAsync(ct);
        var fromRsvps = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId && r.Email != null)
            .Select(r => r.Email!).ToListAsync(ct);
        return fromProfile.Concat(fromRsvps).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Runs after the RSVPs are withdrawn (their withdrawal mails are queued): removes the profile, any registration
    /// left, the name on their private line, the delivery records that name the person, and their mail (withdrawals
    /// once sent).
    /// </summary>
    public async Task EraseAsync(string userId, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        await outbox.ForgetAsync(db, addresses, ct);
        await db.SaveChangesAsync(ct);
        await outbox.SweepDoneAsync(db, ct);
        await db.Registrations.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        profilesSeen.Forget(userId);
        // The private line stays (the bot may still need to reach them 1:1), without their name.
        await db.PrivateChats.Where(p => p.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserName, (string?)null), ct);
        var inKey = ":" + userId + ":";
        await db.ScheduledDeliveries.Where(d => d.Key.Contains(inKey)).ExecuteDeleteAsync(ct);
        // Queued Teams work for them (a notice, a roster look-up) carries their name; nothing in it is still wanted.
        var inPayload = JsonSerializer.Serialize(userId);
        await db.TeamsWork.Where(w => w.ClaimedAt == null && w.Payload.Contains(inPayload)).ExecuteDeleteAsync(ct);
        await ForgetCoOrganiserNameAsync(userId, ct);
    }

    private async Task ForgetCoOrganiserNameAsync(string userId, CancellationToken ct)
    {
        // Co-organisers are a JSON list on the event; the key appears in it as a JSON string.
        var quoted = JsonSerializer.Serialize(userId, JsonColumn.Options);
        var ids = await db.Database
            .SqlQuery<long>($"SELECT id AS \"Value\" FROM events WHERE co_organisers <> REPLACE(co_organisers, {quoted}, '')")
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return;
        }

        var events = await db.Events.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        if (events.Count(e => e.ForgetCoOrganiserName(userId)) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
