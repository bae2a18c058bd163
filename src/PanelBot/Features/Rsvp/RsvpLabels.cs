using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Rsvp;

public static class RsvpLabels
{
    /// <summary>A registration's state as the lists show it.</summary>
    public static string Describe(Registration r) => r.State switch
    {
        RsvpState.Going => "going",
        RsvpState.Maybe => "maybe",
        RsvpState.No => "can't go",
        RsvpState.Waitlisted => $"waitlisted (number {r.WaitlistPosition})",
        RsvpState.AwaitingApproval => "awaiting approval",
        _ => r.State.ToString(),
    };
}
