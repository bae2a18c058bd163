using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.BotFramework;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary>
/// Sends proactive text messages to stored conversations through the per-conversation queue, several conversations
/// at a time: a reminder for a hundred people is a hundred conversations, and each send is a round trip to the connector.
/// </summary>
public sealed class ChatSender(PanelBotDbContext db, IBotAdapter adapter, ProactiveQueue queue, ILogger<ChatSender> logger)
{
    private const int Parallelism = 8;

    /// <summary>False when the conversation is unknown or the connector refused; the caller gives its claim back.</summary>
    public async Task<bool> SendAsync(string conversationId, string text, CancellationToken ct) =>
        (await SendAllAsync([(conversationId, text)], ct)).Count == 0;

    /// <summary>Sends each text to its conversation; answers the conversations it could not reach.</summary>
    public async Task<IReadOnlySet<string>> SendAllAsync(IReadOnlyList<(string ConversationId, string Text)> messages, CancellationToken ct)
    {
        var ids = messages.Select(m => m.ConversationId).Distinct().ToList();
        // Newest row per conversation id, as ConversationStore.FindByConversationAsync reads it, for all of them at once.
        var rows = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.ConversationId))
            .Select(c => new { c.Id, c.ConversationId, c.ReferenceJson }).ToListAsync(ct);
        var references = rows.GroupBy(r => r.ConversationId)
            .ToDictionary(g => g.Key, g => JsonSerializer.Deserialize<ConversationReference>(g.MaxBy(r => r.Id)!.ReferenceJson, BotJson.Options));
        var failed = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (message, token) =>
            {
                if (!references.TryGetValue(message.ConversationId, out var reference) || reference is null)
                {
                    SchedulingLog.NoConversationReference(logger, message.ConversationId);
                    failed[message.ConversationId] = true;
                    return;
                }
                try
                {
                    await queue.RunAsync(message.ConversationId,
                        () => adapter.ContinueConversationAsync(reference, (turn, t) => turn.SendActivityAsync(message.Text, t), token), token);
                }
                catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
                {
                    SchedulingLog.ProactiveSendFailed(logger, ex, message.ConversationId);
                    failed[message.ConversationId] = true;
                }
            });
        return failed.Keys.ToHashSet(StringComparer.Ordinal);
    }
}
