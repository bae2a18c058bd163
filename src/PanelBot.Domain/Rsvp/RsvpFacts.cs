namespace PanelBot.Domain.Rsvp;

/// <summary>
/// What an RSVP change needs to know, and no more: the registration it is about (null when the user has none yet), the
/// counts before the change, and the head of the waitlist (the first <see cref="RsvpBook.WaitlistHeadSize"/> waiting
/// registrations by ticket). <see cref="LastWaitlistTicket"/> is the greatest ticket given for the event so far (the next
/// one to join gets one more); <see cref="WaitlistPlace"/> is the registration's place when it is waiting (1 + how many
/// wait with a smaller ticket). The change is the same whether the event has ten registrations or ten thousand.
/// </summary>
public sealed record RsvpFacts(Registration? Registration, RsvpCounts Counts, IReadOnlyList<Registration> WaitlistHead,
    int LastWaitlistTicket = 0, int? WaitlistPlace = null)
{
    public static RsvpFacts Empty(int? capacity) => new(null, new RsvpCounts(0, 0, 0, 0, 0, capacity), []);
}
