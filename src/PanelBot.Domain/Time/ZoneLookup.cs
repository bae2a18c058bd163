using NodaTime;
using PanelBot.Domain.Text;

namespace PanelBot.Domain.Time;

/// <summary>Finds IANA zones in the TZDB, forgiving case, and suggests the nearest id for a typo.</summary>
public static class ZoneLookup
{
    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;
    private const int MaxSuggestibleLength = 64;
    private static readonly Dictionary<string, string> IdsIgnoringCase =
        Provider.Ids.ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves a zone id (case-insensitive); on failure the message suggests the closest known id.</summary>
    public static DomainResult<DateTimeZone> Find(string? zoneId, string field = "zone")
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return DomainResult<DateTimeZone>.Fail(field, "The time zone is empty: give an IANA zone such as Europe/Oslo.");
        }

        var trimmed = zoneId.Trim();
        if (IdsIgnoringCase.TryGetValue(trimmed, out var canonical))
        {
            return DomainResult<DateTimeZone>.Ok(Provider[canonical]);
        }

        var suggestion = Suggest(trimmed);
        var hint = suggestion is null ? "" : $" Did you mean {suggestion}?";
        return DomainResult<DateTimeZone>.Fail(field,
            $"I don't know the time zone '{trimmed}'.{hint} Use an IANA zone id such as Europe/Oslo, Europe/Amsterdam or America/New_York.");
    }

    /// <summary>The canonical spelling of a known id (e.g. "europe/oslo" → "Europe/Oslo"), or null.</summary>
    public static string? Canonical(string? zoneId) =>
        zoneId is not null && IdsIgnoringCase.TryGetValue(zoneId.Trim(), out var id) ? id : null;

    /// <summary>The place a zone is named after, for people to read: "New York" for America/New_York; "UTC" stays "UTC".</summary>
    public static string Place(string zoneId)
    {
        var slash = zoneId.LastIndexOf('/');
        if (slash < 0 || zoneId.StartsWith("Etc/", StringComparison.Ordinal))
        {
            return zoneId;
        }

        return zoneId[(slash + 1)..].Replace('_', ' ');
    }

    public static string? Suggest(string input)
    {
        // No zone id is longer than this; a longer input is no typo of one, and comparing it would be wasted work.
        if (input.Length > MaxSuggestibleLength)
        {
            return null;
        }
        // "Oslo" or "new york" name a city: compare with the city part of each id before whole ids.
        if (!input.Contains('/'))
        {
            var city = input.Replace(' ', '_');
            var byCity = Provider.Ids
                .Where(id => id.Contains('/'))
                .Select(id => (id, distance: EditDistance.Between(city, id[(id.LastIndexOf('/') + 1)..])))
                .Where(x => x.distance <= Math.Max(1, city.Length / 4))
                .OrderBy(x => x.distance)
                .Select(x => x.id)
                .FirstOrDefault();
            if (byCity is not null)
            {
                return byCity;
            }
        }
        return EditDistance.Closest(input, Provider.Ids, maxDistance: Math.Max(3, input.Length / 3));
    }
}
