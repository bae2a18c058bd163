namespace PanelBot.Domain.Rsvp;

/// <summary>
/// The effects of an RSVP operation. Save <see cref="Registration"/> (add it when <see cref="IsNew"/>), delete <see cref="Removed"/>,
/// tell each of <see cref="Promoted"/> they have a seat (and send them the invitation), store <see cref="Counts"/>.
/// The registrations passed in as facts are changed in place; every other waiting registration behind a position in
/// <see cref="LeftWaitlistAt"/> moves up one place per such position ahead of it.
/// </summary>
public sealed record RsvpOutcome(
    Registration? Registration,
    bool IsNew,
    RsvpState? PreviousState,
    bool StateChanged,
    IReadOnlyList<Registration> Promoted,
    Registration? Removed,
    RsvpCounts Counts,
    string Message)
{
    /// <summary>Waitlist positions (as they were before the change) that were vacated: by promotion, leaving or withdrawing.</summary>
    public IReadOnlyList<int> LeftWaitlistAt { get; init; } = [];

    /// <summary>A repeated identical answer (e.g. a double click): nothing to save, nothing to send.</summary>
    public bool IsNoChange => !StateChanged && !IsNew && Promoted.Count == 0 && Removed is null;

    /// <summary>The position a waiting registration at <paramref name="before"/> has after the change.</summary>
    public int PositionAfter(int before) => before - LeftWaitlistAt.Count(vacated => vacated < before);
}
