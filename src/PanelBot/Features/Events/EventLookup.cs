using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events;

/// <summary>
/// Finds the event a command or button names (by number or slug), says so when there is none, and checks that the
/// requester may change it. Every handler goes through here, so the replies are the same everywhere.
/// </summary>
public sealed class EventLookup(EventRepository events)
{
    /// <summary>What a form or button hears when its event is gone (or it carried no event number).</summary>
    public const string Gone = "I can't find that event any more. Type `events` to see the events you can use.";

    public static string NotFound(EventRef reference) =>
        $"I can't find event {reference}. Type `events` to see the events you can use.";

    /// <summary>The event, whatever its status (a change by someone else is refused by <see cref="ForOrganiserAsync"/>).</summary>
    public Task<Event?> FindAsync(EventRef reference, CancellationToken ct) =>
        reference.Number is { } number ? events.FindAsync(number, ct) : events.FindAsync(reference.Slug ?? "", ct);

    /// <summary>
    /// The event as this person may see it: a draft exists only for its organisers, so that counting event numbers
    /// reveals nothing about events not yet published.
    /// </summary>
    public async Task<Event?> FindAsync(TurnRequest request, EventRef reference, CancellationToken ct) =>
        Visible(request, await FindAsync(reference, ct));

    /// <summary>
    /// As <see cref="FindAsync(TurnRequest, EventRef, CancellationToken)"/>, for a handler that reads the event and never
    /// changes it (an RSVP answer): the event is not tracked, so saving the turn's other changes does not compare it.
    /// </summary>
    public async Task<Event?> FindForReadingAsync(TurnRequest request, EventRef reference, CancellationToken ct) =>
        Visible(request, await (reference.Number is { } number
            ? events.FindForReadingAsync(number, ct)
            : events.FindForReadingAsync(reference.Slug ?? "", ct)));

    private static Event? Visible(TurnRequest request, Event? ev) =>
        ev is not null && (ev.Status != EventStatus.Draft || ev.CanEdit(request.UserId)) ? ev : null;

    /// <summary>The event for an organiser's change: else the "not found" reply, or why this requester may not change it.</summary>
    public async Task<Found> ForOrganiserAsync(TurnRequest request, EventRef reference, CancellationToken ct) =>
        Editable(request, await FindAsync(reference, ct), NotFound(reference));

    /// <summary>The event a form or button names by number, for an organiser's change (<see cref="Gone"/> when missing).</summary>
    public async Task<Found> ForOrganiserAsync(TurnRequest request, int? number, CancellationToken ct) =>
        Editable(request, number is null ? null : await FindAsync(EventRef.ForNumber(number.Value), ct), Gone);

    private static Found Editable(TurnRequest request, Event? ev, string notFound)
    {
        if (ev is null)
        {
            return new Found(null, notFound);
        }

        var allowed = ev.CheckCanEdit(request.UserId);
        return allowed.IsSuccess ? new Found(ev, null) : new Found(null, allowed.ErrorMessage);
    }

    /// <summary>The event, or the reply that explains why there is none to work on.</summary>
    public sealed record Found(Event? Event, string? Refusal);
}
