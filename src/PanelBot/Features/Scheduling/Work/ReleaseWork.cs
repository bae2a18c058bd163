using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Features.Scheduling.Delivery;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>The join-link release: the link by chat to going participants, the updated invitation by the invitations feature.</summary>
public sealed class ReleaseWork(ScheduledEvents events, AttendeeDelivery delivery, DeliveryLog log, IServiceProvider services,
    TimeProvider clock, ILogger<ReleaseWork> logger)
{
    public async Task RunAsync(long eventId, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var ev = await events.FindAsync(eventId, ct);
        var now = clock.GetCurrentInstant();
        if (ev is not { Status: EventStatus.Published, OnlineMeeting.JoinUrl: not null } || now >= ev.EndsAt || now < ev.JoinLinkReleasedAt - SchedulePlanner.Tolerance)
        {
            SchedulingLog.Skipped(logger, ScheduledKinds.Release, eventId, dueAt, ev is null ? "event deleted" : "no link, not published, moved or over");
            return;
        }
        var meeting = ev.OnlineMeeting!;
        var prefix = $"{ev.Id}:release:{ev.JoinLinkReleasedAt.ToUnixTimeSeconds()}";
        var message = new AttendeeMessage(ScheduledKinds.Release, prefix,
            people => ScheduledTexts.ReleaseChat(ev, people, meeting), "", _ => "");
        var (chats, _) = await delivery.SendAsync(ev, message, ct, mail: false);

        var mails = 0;
        var invitationsKey = prefix + ":invitations";
        if (services.GetService<IJoinLinkReleaseMail>() is { } invitations)
        {
            if (!(await log.SentKeysAsync(ev.Id, ScheduledKinds.Release, ct)).Contains(invitationsKey))
            {
                // Added before the call: when the invitations feature saves the scoped unit of work, the claim commits
                // with its mails; otherwise it is committed right after.
                log.Add(ev.Id, ScheduledKinds.Release, invitationsKey, DeliveryLog.Mail);
                await invitations.QueueJoinLinkReleaseAsync(ev, ct);
                if (await log.TryCommitAsync(ct))
                {
                    mails = 1;
                }
            }
        }
        else
        {
            SchedulingLog.NoOutbox(logger, ScheduledKinds.Release, ev.Id);
        }

        SchedulingLog.Sent(logger, ScheduledKinds.Release, eventId, chats, mails);
    }
}
