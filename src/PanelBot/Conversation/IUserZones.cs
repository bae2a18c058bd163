using NodaTime;

namespace PanelBot.Conversation;

/// <summary>The time zone a requester's dates and times are read in.</summary>
public interface IUserZones
{
    /// <summary>The zone the channel reports, else the one the user used last, else the configured default.</summary>
    Task<DateTimeZone> ZoneOfAsync(TurnRequest request, CancellationToken ct);

    /// <summary>Keeps the zone a user's chat client reported.</summary>
    Task RememberClientZoneAsync(string userId, string? name, string zoneId, CancellationToken ct);
}
