namespace PanelBot.Domain.Rsvp;

/// <summary>
/// The effects of an RSVP operation. Save <see cref="Registration"/> (add it when <see cref="IsNew"/>), delete <see cref="Removed"/>,
/// tell each of <see cref="Promoted"/> they have a seat (and send them the invitation). Every registration passed in may
/// have a new <see cref="Registration.WaitlistPosition"/>.
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
    /// <summary>A repeated identical answer (e.g. a double click): nothing to save, nothing to send.</summary>
    public bool IsNoChange => !StateChanged && !IsNew && Promoted.Count == 0 && Removed is null;
}
