using Microsoft.EntityFrameworkCore;
using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>What the bot remembers per person: the zone they used last, the zone their client reports, their email address.</summary>
public sealed class UserProfiles(PanelBotDbContext db, ReadCache<string, UserProfile> readCache, WriteGate writes, Seen<UserProfiles> seen,
    TimeProvider clock, ILogger<UserProfiles> logger)
{
    // What this unit of work read, so a turn that asks twice (its zone, then the address) reads once; forgotten on writes.
    private readonly Dictionary<string, UserProfile?> _read = new(StringComparer.Ordinal);

    /// <summary>
    /// The profile as stored, for reading (not tracked: every answer asks for the address), from the
    /// <see cref="ReadCache{TKey, TEntity}"/>, so the instance may be shared with other turns and must not be changed.
    /// </summary>
    public async Task<UserProfile?> FindAsync(string userId, CancellationToken ct)
    {
        if (_read.TryGetValue(userId, out var known))
        {
            return known;
        }

        var profile = await readCache.GetAsync(userId, () => ById.For(db)(db, userId, ct));
        _read[userId] = profile;
        return profile;
    }

    private static readonly CompiledQuery<Func<PanelBotDbContext, string, CancellationToken, Task<UserProfile?>>> ById = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, string userId, CancellationToken ct) =>
            db.Set<UserProfile>().AsNoTracking().SingleOrDefault(p => p.UserId == userId)));

    public async Task RememberZoneAsync(string userId, string? name, string zoneId, CancellationToken ct)
    {
        var profile = await GetOrAddAsync(userId, name, ct);
        profile.LastTimeZone = zoneId;
        await SaveAsync(ct);
    }

    /// <summary>
    /// Keeps the zone a turn's client reported (Teams' clientInfo entity, Web Chat's localTimezone), so that when an organiser
    /// adds this person as a speaker their local time is known. Written only when it changes.
    /// </summary>
    public async Task RememberClientZoneAsync(string userId, string? name, string zoneId, CancellationToken ct)
    {
        // Teams reports the zone on every turn: what this instance stored or found lately is not read again.
        var stamp = zoneId + "\n" + name;
        if (seen.Matches(userId, stamp))
        {
            return;
        }

        var stored = await FindAsync(userId, ct);
        if (stored is not null && stored.ClientTimeZone == zoneId && (string.IsNullOrWhiteSpace(name) || stored.Name == name))
        {
            seen.Remember(userId, stamp);
            return;
        }

        var profile = await GetOrAddAsync(userId, name, ct);
        profile.ClientTimeZone = zoneId;
        try
        {
            await SaveAsync(ct);
            seen.Remember(userId, stamp);
        }
        catch (DbUpdateException ex)
        {
            // Two turns of a new person raced to insert the profile, or SQLite was busy. The next turn writes it again, and
            // this turn's own work must not fail for it (nor find the failed row still pending in its unit of work).
            db.Entry(profile).State = EntityState.Detached;
            logger.LogDebug(ex, "Could not keep the client zone of {UserId}", userId);
        }
    }

    /// <summary>
    /// The client zone of the person a speaker entry names: the profile with the speaker's email address, else the one
    /// profile with exactly their name (none when two people share it).
    /// </summary>
    public async Task<string?> ClientZoneOfAsync(string name, string? email, CancellationToken ct)
    {
        var known = db.UserProfiles.AsNoTracking().Where(p => p.ClientTimeZone != null);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var address = email.Trim().ToLower();
            var byEmail = await known.Where(p => p.Email != null && p.Email.ToLower() == address).Select(p => p.ClientTimeZone).FirstOrDefaultAsync(ct);
            if (byEmail is not null)
            {
                return byEmail;
            }
        }
        var wanted = name.Trim().ToLower();
        var byName = await known.Where(p => p.Name != null && p.Name.ToLower() == wanted).OrderBy(p => p.UserId).Select(p => p.ClientTimeZone).Take(2).ToListAsync(ct);
        return byName.Count == 1 ? byName[0] : null;
    }

    public async Task RememberEmailAsync(string userId, string? name, string email, CancellationToken ct)
    {
        var profile = await GetOrAddAsync(userId, name, ct);
        profile.Email = email;
        await SaveAsync(ct);
    }

    public async Task ForgetAsync(string userId, CancellationToken ct)
    {
        seen.Forget(userId);
        if (await db.UserProfiles.FindAsync([userId], ct) is { } profile)
        {
            db.UserProfiles.Remove(profile);
            await SaveAsync(ct);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        _read.Clear();
        using var gate = await writes.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<UserProfile> GetOrAddAsync(string userId, string? name, CancellationToken ct)
    {
        _read.Remove(userId);
        seen.Forget(userId);
        var profile = await db.UserProfiles.FindAsync([userId], ct);
        if (profile is null)
        {
            profile = new UserProfile { UserId = userId };
            db.UserProfiles.Add(profile);
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            profile.Name = name;
        }

        profile.UpdatedAt = clock.GetUtcNow();
        return profile;
    }
}
