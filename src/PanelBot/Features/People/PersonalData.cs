using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Invitations;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Scheduling;
using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>Where a person's name and address are kept, and their erasure for <c>forget me confirm</c>.</summary>
public sealed class PersonalData(PanelBotDbContext db, OutboxErasure outbox)
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
        // The private line stays (the bot may still need to reach them 1:1), without their name.
        await db.PrivateChats.Where(p => p.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserName, (string?)null), ct);
        var inKey = ":" + userId + ":";
        await db.ScheduledDeliveries.Where(d => d.Key.Contains(inKey)).ExecuteDeleteAsync(ct);
    }
}
