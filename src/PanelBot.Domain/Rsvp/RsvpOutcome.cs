namespace PanelBot.Domain.Rsvp;

/// <summary>
/// The effects of an RSVP operation. Save <see cref="Registration"/> (add it when <see cref="IsNew"/>), delete <see cref="Removed"/>,
/// tell each of <see cref="Promoted"/> they have a seat (and send them the invitation), store <see cref="Counts"/>.
/// The registrations passed in as facts are changed in place; no other registration changes (a waitlist ticket stays
/// while its holder waits), so store <see cref="LastWaitlistTicket"/> with the counts.
/// </summary>
public sealed record RsvpOutcome
{
    private RsvpOutcome(RsvpCounts counts, string message)
    {
        Counts = counts;
        Message = message;
    }

    public Registration? Registration { get; init; }
    public bool IsNew { get; init; }
    public RsvpState? PreviousState { get; init; }
    public bool StateChanged { get; init; }
    public IReadOnlyList<Registration> Promoted { get; init; } = [];
    public Registration? Removed { get; init; }
    public RsvpCounts Counts { get; init; }
    public string Message { get; init; }

    /// <summary>Where <see cref="Registration"/> stands on the waitlist after the change (1 is next in line); null when not waiting.</summary>
    public int? WaitlistPlace { get; init; }

    /// <summary>The greatest waitlist ticket given for the event so far, after the change.</summary>
    public int LastWaitlistTicket { get; init; }

    /// <summary>A repeated identical answer (e.g. a double click): nothing to save, nothing to send.</summary>
    public bool IsNoChange => !StateChanged && !IsNew && Promoted.Count == 0 && Removed is null;

    /// <summary>A participant answered; <paramref name="previous"/> is null for a first answer (a new registration).</summary>
    public static RsvpOutcome Answered(Registration registration, RsvpState? previous, RsvpCounts counts, string message) =>
        new(counts, message)
        {
            Registration = registration,
            IsNew = previous is null,
            PreviousState = previous,
            StateChanged = previous != registration.State,
        };

    /// <summary>An organiser approved or declined a registration (or found nothing to decide: the state is unchanged).</summary>
    public static RsvpOutcome Decided(Registration registration, RsvpState previous, RsvpCounts counts, string message) =>
        new(counts, message) { Registration = registration, PreviousState = previous, StateChanged = previous != registration.State };

    /// <summary>A registration was removed altogether.</summary>
    public static RsvpOutcome Withdrawn(Registration removed, RsvpCounts counts, string message) =>
        new(counts, message) { PreviousState = removed.State, StateChanged = true, Removed = removed };

    /// <summary>Seats were filled from the waitlist, with no one's own answer behind it.</summary>
    public static RsvpOutcome Rebalanced(IReadOnlyList<Registration> promoted, RsvpCounts counts) =>
        new(counts, "") { StateChanged = promoted.Count > 0 };

    /// <summary>An address that arrives for someone already going counts as a change: the invitation they could not get before goes out now.</summary>
    internal RsvpOutcome AsLateEmail() => this with { PreviousState = null, StateChanged = true };
}
