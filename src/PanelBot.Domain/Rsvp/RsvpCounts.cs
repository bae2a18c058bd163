namespace PanelBot.Domain.Rsvp;

/// <summary>Counts everyone may see. <see cref="SeatsLeft"/> is null without a capacity.</summary>
public sealed record RsvpCounts(int Going, int Maybe, int No, int Waitlisted, int AwaitingApproval, int? Capacity)
{
    public int? SeatsLeft => Capacity is { } capacity ? Math.Max(0, capacity - Going) : null;
    public bool IsFull => Capacity is { } capacity && Going >= capacity;

    public static RsvpCounts For(IEnumerable<Registration> registrations, int? capacity)
    {
        int going = 0, maybe = 0, no = 0, waitlisted = 0, awaiting = 0;
        foreach (var r in registrations)
        {
            switch (r.State)
            {
                case RsvpState.Going: going++; break;
                case RsvpState.Maybe: maybe++; break;
                case RsvpState.No: no++; break;
                case RsvpState.Waitlisted: waitlisted++; break;
                case RsvpState.AwaitingApproval: awaiting++; break;
            }
        }
        return new RsvpCounts(going, maybe, no, waitlisted, awaiting, capacity);
    }
}
