using System.Security.Claims;

namespace PanelBot.BotFramework;

/// <summary>One turn: the inbound activity, who sent it, and the ways to answer.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity (for proactive turns: an <c>event</c> named <c>ContinueConversation</c>).</summary>
    Activity Activity { get; }

    /// <summary>The validated caller; unauthenticated in anonymous dev mode and in the playground.</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>Connector client for the inbound activity's service URL.</summary>
    IConnectorClient Connector { get; }

    /// <summary>
    /// Sends an activity, filling from/recipient/conversation/replyToId/serviceUrl/channelId/locale from the inbound
    /// activity where missing. With <c>expectReplies</c> the activity is buffered for the HTTP response instead.
    /// An activity of type <see cref="ActivityTypes.InvokeResponse"/> sets the invoke response.
    /// </summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken ct = default);

    /// <summary>Sends a plain text message.</summary>
    Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken ct = default);

    /// <summary>Replaces an earlier activity (<see cref="Activity.Id"/> must be its id).</summary>
    Task UpdateActivityAsync(Activity activity, CancellationToken ct = default);

    /// <summary>Sets the HTTP answer to an <c>invoke</c> activity.</summary>
    void SetInvokeResponse(InvokeResponse response);

    /// <summary>Every activity sent (or buffered) during this turn, in order.</summary>
    IList<Activity> SentActivities { get; }
}
