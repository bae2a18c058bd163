using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>What the bot remembers per person: the zone they used last and their email address.</summary>
public sealed class UserProfiles(PanelBotDbContext db, TimeProvider clock)
{
    public async Task<UserProfile?> FindAsync(string userId, CancellationToken ct) =>
        await db.UserProfiles.FindAsync([userId], ct);

    public async Task RememberZoneAsync(string userId, string? name, string zoneId, CancellationToken ct)
    {
        var profile = await GetOrAddAsync(userId, name, ct);
        profile.LastTimeZone = zoneId;
        await db.SaveChangesAsync(ct);
    }

    public async Task RememberEmailAsync(string userId, string? name, string email, CancellationToken ct)
    {
        var profile = await GetOrAddAsync(userId, name, ct);
        profile.Email = email;
        await db.SaveChangesAsync(ct);
    }

    public async Task ForgetAsync(string userId, CancellationToken ct)
    {
        if (await db.UserProfiles.FindAsync([userId], ct) is { } profile)
        {
            db.UserProfiles.Remove(profile);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<UserProfile> GetOrAddAsync(string userId, string? name, CancellationToken ct)
    {
        var profile = await db.UserProfiles.FindAsync([userId], ct);
        if (profile is null)
        {
            profile = new UserProfile { UserId = userId };
            db.UserProfiles.Add(profile);
        }
        if (!string.IsNullOrWhiteSpace(name)) profile.Name = name;
        profile.UpdatedAt = clock.GetUtcNow();
        return profile;
    }
}
