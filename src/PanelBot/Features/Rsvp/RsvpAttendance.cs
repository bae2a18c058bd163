using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;

namespace PanelBot.Features.Rsvp;

/// <summary>The registrations as the Events slice sees them.</summary>
public sealed class RsvpAttendance(RegistrationRepository registrations) : IAttendance
{
    public Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct) => registrations.CountsAsync(ev, ct);

    public Task<IReadOnlyList<Registration>> ListAsync(Event ev, CancellationToken ct) => registrations.ListAsync(ev, ct);

    public Task<IReadOnlyList<string>> ParticipantIdsAsync(Event ev, int limit, CancellationToken ct) =>
        registrations.ParticipantIdsAsync(ev, limit, ct);

    public Task<EventViewer> ViewerAsync(Event ev, string userId, DateTimeZone? zone, CancellationToken ct) =>
        registrations.ViewerAsync(ev, userId, zone, ct);

    public EventViewer Viewer(Event ev, string userId, DateTimeZone? zone, Registration? mine, int? waitlistPlace) =>
        registrations.Viewer(ev, userId, zone, mine, waitlistPlace);
}
