using System.Security.Claims;

namespace PanelBot.BotFramework;

/// <summary>Runs turns: inbound activities through <see cref="IBot"/>, proactive work through a callback.</summary>
public interface IBotAdapter
{
    /// <summary>
    /// Runs <paramref name="callback"/> in a turn for the referenced conversation; the turn's
    /// <see cref="ITurnContext.Connector"/> targets <see cref="ConversationReference.ServiceUrl"/>.
    /// </summary>
    Task ContinueConversationAsync(
        ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken ct = default);

    /// <summary>
    /// Runs an already authenticated activity through <see cref="IBot"/>. Returns what the HTTP answer must carry:
    /// null for a plain 200; the bot's invoke response (501 when an invoke got none); for <c>expectReplies</c>
    /// 200 with <see cref="ExpectedReplies"/>.
    /// </summary>
    Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, CancellationToken ct = default);
}
