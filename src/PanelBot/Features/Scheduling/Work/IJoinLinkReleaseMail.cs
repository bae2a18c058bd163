using PanelBot.Domain.Events;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>
/// The updated invitation (with the join link) for going participants, queued by the invitations feature. Optional:
/// when nothing implements it, the release goes by chat only.
/// </summary>
public interface IJoinLinkReleaseMail
{
    Task QueueJoinLinkReleaseAsync(Event ev, CancellationToken ct);
}
