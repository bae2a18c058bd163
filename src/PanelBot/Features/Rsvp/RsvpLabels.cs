using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Rsvp;

public static class RsvpLabels
{
    /// <summary>A registration's state as the lists show it, with its place in line when waiting (<see cref="WaitlistPlaces"/>).</summary>
    public static string Describe(Registration r, int? waitlistPlace) => r.State switch
    {
        RsvpState.Going => "going",
        RsvpState.Maybe => "maybe",
        RsvpState.No => "can't go",
        RsvpState.Waitlisted => $"waitlisted (number {waitlistPlace})",
        RsvpState.AwaitingApproval => "awaiting approval",
        _ => r.State.ToString(),
    };
}
