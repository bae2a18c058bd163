namespace PanelBot.Domain.Rsvp;

/// <summary>
/// The places people see on a waitlist, counted from the tickets when shown: a waiting registration's place is 1 plus the
/// number of the event's waiting registrations with a smaller ticket, so it is 1..n without gaps however many left.
/// </summary>
public sealed class WaitlistPlaces
{
    private readonly Dictionary<Registration, int> _places;

    private WaitlistPlaces(Dictionary<Registration, int> places) => _places = places;

    /// <summary>The places among <paramref name="registrations"/>, which must be all of one event's (e.g. its attendee list).</summary>
    public static WaitlistPlaces Rank(IEnumerable<Registration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var places = new Dictionary<Registration, int>();
        foreach (var r in registrations.Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => r.WaitlistTicket ?? int.MaxValue).ThenBy(r => r.Id))
        {
            places[r] = places.Count + 1;
        }

        return new WaitlistPlaces(places);
    }

    /// <summary>The place of <paramref name="registration"/>; null when it is not waiting.</summary>
    public int? Of(Registration registration) => _places.TryGetValue(registration, out var place) ? place : null;
}
