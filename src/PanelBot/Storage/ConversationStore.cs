using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.BotFramework;

namespace PanelBot.Storage;

/// <summary>Keeps the latest conversation reference of every conversation, for proactive messages.</summary>
public sealed class ConversationStore(PanelBotDbContext db, WriteGate writes, ConversationStore.Written written, TimeProvider clock, ILogger<ConversationStore> logger)
{
    public async Task RememberAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ChannelId is not { Length: > 0 } channelId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return;
        }

        // What a proactive message needs is the conversation, not who spoke last: without the activity id and the
        // user the reference stays the same from turn to turn, and an unchanged one is not written again.
        var reference = activity.GetConversationReference() with { ActivityId = null, User = null };
        var json = JsonSerializer.Serialize(reference, BotJson.Options);
        var scope = Conversation.ConversationScopes.Name(Conversation.ConversationScopes.Of(activity));
        var teamId = Conversation.ConversationScopes.TeamId(activity);
        var key = (channelId, conversationId);
        var stamp = $"{json}\n{scope}\n{teamId}";
        if (written.Matches(key, stamp, serviceUrl))
        {
            return; // this instance stored exactly this already (and it is not dead)
        }

        var row = await db.Conversations.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ConversationId == conversationId, ct);
        if (row is not null && row.ReferenceJson == json && row.ServiceUrl == serviceUrl && row.Scope == scope
            && row.TeamId == (teamId ?? row.TeamId) && row.DeadAt is null)
        {
            written.Remember(key, stamp, serviceUrl);
            return;
        }
        if (row is null)
        {
            // The first turns of a new conversation often come together (a double click): the row is made by whichever
            // comes first, the others find it, and no INSERT fails on the unique key (EF Core would log that as an error).
            if (!await writes.TryExecuteAsync(db.Database, $"INSERT INTO conversations (channel_id, conversation_id, service_url, reference_json, updated_at) VALUES ({channelId}, {conversationId}, {serviceUrl}, {json}, {clock.GetUtcNow()}) ON CONFLICT (channel_id, conversation_id) DO NOTHING", ct))
            {
                return; // the next turn records it
            }

            row = await db.Conversations.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ConversationId == conversationId, ct);
            if (row is null)
            {
                return; // removed again meanwhile
            }
        }
        // The service URL is "stable but can change": always keep the newest one seen with an authenticated activity.
        row.ServiceUrl = serviceUrl;
        row.ReferenceJson = json;
        row.ConversationType = activity.Conversation.ConversationType;
        row.TenantId = activity.GetTenantId();
        row.Scope = scope;
        row.TeamId = teamId ?? row.TeamId;
        // Whatever arrives from a conversation shows the bot is in it again (re-installed, re-added to the team).
        row.DeadAt = null;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            using var gate = await writes.EnterAsync(ct);
            await db.SaveChangesAsync(ct);
            written.Remember(key, stamp, serviceUrl);
        }
        catch (DbUpdateException ex)
        {
            // SQLite refused the write as busy (another process was committing). The reference is only kept for later
            // proactive messages and is refreshed by the next turn, so losing this one write must not fail the user's turn.
            db.Entry(row).State = EntityState.Detached;
            if (row.Id != 0)
            {
                logger.LogWarning(ex, "Could not refresh the reference of conversation {ConversationId}", conversationId);
            }
        }
    }

    /// <summary>The reference to message a conversation; null when unknown or when the bot was removed from it.</summary>
    public async Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken ct)
    {
        var row = await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ConversationId == conversationId, ct);
        return row is null || row.DeadAt is not null ? null : JsonSerializer.Deserialize<ConversationReference>(row.ReferenceJson, BotJson.Options);
    }

    /// <summary>Who can read the conversation, as last seen; personal when unknown.</summary>
    public async Task<Conversation.ConversationScope> ScopeAsync(string channelId, string conversationId, CancellationToken ct) =>
        Conversation.ConversationScopes.Parse(await db.Conversations.AsNoTracking()
            .Where(c => c.ChannelId == channelId && c.ConversationId == conversationId).Select(c => c.Scope).FirstOrDefaultAsync(ct));

    /// <summary>
    /// The bot can no longer write there (uninstalled, removed from the team, or Teams answered 403): nothing more is
    /// sent until an activity from the conversation shows it is back.
    /// </summary>
    /// <param name="teamId">Removed from a whole team: every channel thread of that team goes with it.</param>
    public async Task MarkDeadAsync(string channelId, string conversationId, CancellationToken ct, string? teamId = null)
    {
        var now = clock.GetUtcNow();
        await db.Conversations.Where(c => c.ChannelId == channelId && c.DeadAt == null
                                          && (c.ConversationId == conversationId || (teamId != null && c.TeamId == teamId)))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeadAt, now), ct);
        written.Clear(); // the next activity from any of them must revive it
        logger.LogWarning("The bot was removed from conversation {ConversationId}; nothing more is sent there", conversationId);
    }

    public async Task<ConversationReference?> FindByConversationAsync(string conversationId, CancellationToken ct)
    {
        var row = await db.Conversations.AsNoTracking().Where(c => c.ConversationId == conversationId)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : JsonSerializer.Deserialize<ConversationReference>(row.ReferenceJson, BotJson.Options);
    }

    /// <summary>
    /// What this instance last stored per conversation, so that a turn whose reference has not changed costs no database
    /// read (every click would otherwise read the row to find that out). Another instance's newer write is found by the
    /// row check once this cache forgets (it is cleared when it grows large).
    /// </summary>
    public sealed class Written
    {
        private const int MaxEntries = 100_000;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), (string Json, string ServiceUrl)> _stored = new();

        public bool Matches((string, string) key, string json, string serviceUrl) =>
            _stored.TryGetValue(key, out var stored) && stored.Json == json && stored.ServiceUrl == serviceUrl;

        public void Clear() => _stored.Clear();

        public void Remember((string, string) key, string json, string serviceUrl)
        {
            if (_stored.Count >= MaxEntries)
            {
                _stored.Clear();
            }

            _stored[key] = (json, serviceUrl);
        }
    }
}
