using PanelBot.Domain.Events;

namespace PanelBot.Features.TeamsQueue;

/// <summary>
/// How a personal notice reaches its person. Throws <see cref="BotFramework.ConnectorException"/> or
/// <see cref="HttpRequestException"/> when Teams should be asked again later.
/// </summary>
public interface INoticeRoute
{
    /// <summary>Where Teams' per-conversation limit is counted for this notice.</summary>
    string RateKey(PersonalNotice notice);

    Task DeliverAsync(Event ev, PersonalNotice notice, CancellationToken ct);
}

/// <summary>Through the private line: the person's 1:1 chat, by email when Teams will not open one.</summary>
public sealed class PrivateLineNoticeRoute(Rsvp.RsvpNotifier notifier) : INoticeRoute
{
    public string RateKey(PersonalNotice notice) => "1:1:" + notice.UserId;

    public Task DeliverAsync(Event ev, PersonalNotice notice, CancellationToken ct) => notifier.TellAsync(ev, notice, ct);
}
