using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Events;

/// <summary>
/// Who answered an event, as its card and forms need to know; the RSVP slice provides it, so that Events depends on
/// no other slice (changes RSVPs cause on an edit are made by an <see cref="Notifications.IEventObserver"/>).
/// </summary>
public interface IAttendance
{
    /// <summary>Counts per answer.</summary>
    Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct);

    /// <summary>Every registration, in order of answering.</summary>
    Task<IReadOnlyList<Registration>> ListAsync(Event ev, CancellationToken ct);

    /// <summary>The first <paramref name="limit"/> people who answered anything but "no", in order of answering.</summary>
    Task<IReadOnlyList<string>> ParticipantIdsAsync(Event ev, int limit, CancellationToken ct);

    /// <summary>How <paramref name="userId"/> sees the card.</summary>
    Task<EventViewer> ViewerAsync(Event ev, string userId, DateTimeZone? zone, CancellationToken ct);

    /// <summary>How <paramref name="userId"/> sees the card, given their registration and place in line (e.g. those a change just saved).</summary>
    EventViewer Viewer(Event ev, string userId, DateTimeZone? zone, Registration? mine, int? waitlistPlace);
}
