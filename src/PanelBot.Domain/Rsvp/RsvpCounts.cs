namespace PanelBot.Domain.Rsvp;

/// <summary>Counts everyone may see. <see cref="SeatsLeft"/> is null without a capacity.</summary>
public sealed record RsvpCounts(int Going, int Maybe, int No, int Waitlisted, int AwaitingApproval, int? Capacity)
{
    public int? SeatsLeft => Capacity is { } capacity ? Math.Max(0, capacity - Going) : null;
    public bool IsFull => Capacity is { } capacity && Going >= capacity;
    public int Total => Going + Maybe + No + Waitlisted + AwaitingApproval;

    public static RsvpCounts For(IEnumerable<Registration> registrations, int? capacity)
    {
        var counts = new RsvpCounts(0, 0, 0, 0, 0, capacity);
        foreach (var r in registrations)
        {
            counts = counts.Add(r.State, 1);
        }

        return counts;
    }

    /// <summary>These counts with <paramref name="delta"/> more (or fewer) registrations in <paramref name="state"/>.</summary>
    public RsvpCounts Add(RsvpState state, int delta) => state switch
    {
        RsvpState.Going => this with { Going = Going + delta },
        RsvpState.Maybe => this with { Maybe = Maybe + delta },
        RsvpState.No => this with { No = No + delta },
        RsvpState.Waitlisted => this with { Waitlisted = Waitlisted + delta },
        _ => this with { AwaitingApproval = AwaitingApproval + delta },
    };

    public RsvpCounts Move(RsvpState? from, RsvpState? to) =>
        (from is { } f ? Add(f, -1) : this) is var removed && to is { } t ? removed.Add(t, 1) : removed;
}
