using Microsoft.Extensions.Options;
using NodaTime;
using PanelBot.Conversation;

namespace PanelBot.Features.People;

/// <summary>A requester's zone from what the channel reports and what their profile remembers.</summary>
public sealed class UserZones(UserProfiles profiles, IOptions<EventsOptions> options) : IUserZones
{
    public async Task<DateTimeZone> ZoneOfAsync(TurnRequest request, CancellationToken ct)
    {
        if (request.ClientZone is { } reported)
        {
            return reported;
        }

        var profile = await profiles.FindAsync(request.UserId, ct);
        return (profile?.LastTimeZone is { } last ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(last) : null)
               ?? DateTimeZoneProviders.Tzdb[options.Value.DefaultTimeZone];
    }

    public Task RememberClientZoneAsync(string userId, string? name, string zoneId, CancellationToken ct) =>
        profiles.RememberClientZoneAsync(userId, name, zoneId, ct);
}
