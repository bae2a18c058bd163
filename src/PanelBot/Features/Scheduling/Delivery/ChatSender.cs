using PanelBot.BotFramework;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>Sends a proactive text message to a stored conversation through the per-conversation queue.</summary>
public sealed class ChatSender(ConversationStore conversations, IBotAdapter adapter, ProactiveQueue queue, ILogger<ChatSender> logger)
{
    /// <summary>False when the conversation is unknown or the connector refused; the caller gives its claim back.</summary>
    public async Task<bool> SendAsync(string conversationId, string text, CancellationToken ct)
    {
        var reference = await conversations.FindByConversationAsync(conversationId, ct);
        if (reference is null)
        {
            SchedulingLog.NoConversationReference(logger, conversationId);
            return false;
        }
        try
        {
            await queue.RunAsync(conversationId,
                () => adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync(text, token), ct), ct);
            return true;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            SchedulingLog.ProactiveSendFailed(logger, ex, conversationId);
            return false;
        }
    }
}
