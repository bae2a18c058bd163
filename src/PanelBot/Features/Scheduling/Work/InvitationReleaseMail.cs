using PanelBot.Domain.Events;
using PanelBot.Features.Invitations;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>The invitations feature queues the updated invitation (with the join link) in the release's unit of work.</summary>
public sealed class InvitationReleaseMail(InvitationObserver invitations) : IJoinLinkReleaseMail
{
    public Task QueueJoinLinkReleaseAsync(Event ev, CancellationToken ct) => invitations.QueueJoinLinkReleaseAsync(ev, ct);
}
