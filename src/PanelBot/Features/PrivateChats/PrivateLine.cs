using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PanelBot.BotFramework;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Features.People;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Storage;

namespace PanelBot.Features.PrivateChats;

/// <summary>
/// The one way to send something to one person: their 1:1 chat with the bot, created on demand in Teams
/// (<c>POST {serviceUrl}/v3/conversations</c> with the person as the single member, as botbuilder's
/// <c>CreateConversationAsync</c> does), stored and reused; email when Teams refuses (the app is not installed for
/// them: 403/404) and an address is known. Never a group chat or channel.
/// </summary>
/// <remarks>
/// Teams only lets a bot open a 1:1 chat with a user who has the app installed personally or shares a team where it
/// is installed (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
/// </remarks>
public sealed class PrivateLine(
    PanelBotDbContext db,
    IBotAdapter adapter,
    IConnectorClientFactory connectors,
    ProactiveQueue queue,
    ScheduledMail mail,
    ConversationStore conversations,
    UserKeyMoves moves,
    WriteGate writes,
    Seen<PrivateLine> seen,
    TimeProvider clock,
    ILogger<PrivateLine> logger) : IPrivateLine
{
    private const int Parallelism = 8;

    private static readonly CompiledQuery<Func<PanelBotDbContext, string, CancellationToken, Task<PrivateChat?>>> Stored = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, string userId, CancellationToken ct) =>
            db.Set<PrivateChat>().AsNoTracking().SingleOrDefault(p => p.UserId == userId)));

    /// <summary>Keeps what reaching the speaker of a turn needs; their personal conversation, when this is one.</summary>
    public async Task RememberAsync(Activity activity, CancellationToken ct)
    {
        if (activity.From is not { Id.Length: > 0 } from || from.Role == "bot"
            || activity.ChannelId is not { Length: > 0 } channelId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return;
        }

        var personal = ConversationScopes.Of(activity) == ConversationScope.Personal ? activity.Conversation?.Id : null;
        var tenant = activity.GetTenantId();
        var key = UserKey.Of(activity);
        var stamp = string.Join('\n', from.Id, channelId, serviceUrl, tenant, activity.Recipient?.Id, from.AadObjectId, personal);
        if (seen.Matches(key, stamp))
        {
            return; // this instance found or wrote exactly this lately
        }

        // Read untracked first: on almost every turn nothing has changed, and then nothing is written.
        var row = await Stored.For(db)(db, key, ct);
        if (row is null || row.MemberId != from.Id)
        {
            try
            {
                var aliases = UserKey.Aliases(activity);
                await moves.MoveAsync(aliases, key, ct);
                foreach (var alias in aliases)
                {
                    seen.Forget(alias); // their rows are gone
                }
            }
            catch (System.Data.Common.DbException ex)
            {
                // A concurrent first turn of the same person, or SQLite busy: leave the line unwritten so the next turn
                // moves what is left (the move is idempotent).
                logger.LogWarning(ex, "Could not move older rows to the person key {UserKey}", key);
                return;
            }
        }
        if (row is not null && row.MemberId == from.Id && row.ChannelId == channelId && row.ServiceUrl == serviceUrl && row.TenantId == (tenant ?? row.TenantId)
            && row.BotId == (activity.Recipient?.Id ?? row.BotId) && row.AadObjectId == (from.AadObjectId ?? row.AadObjectId)
            && (personal is null || (row.ConversationId == personal && row.State == PrivateChatStates.Open)))
        {
            seen.Remember(key, stamp);
            return;
        }

        row = await db.PrivateChats.FindAsync([key], ct);
        if (row is null)
        {
            // A person's first turns often come together (a double click): whichever comes first makes the row, the
            // others find it, and no INSERT fails on the key (EF Core would log that as an error).
            if (!await writes.TryExecuteAsync(db.Database, $"INSERT INTO private_chats (user_id, member_id, channel_id, service_url, state, updated_at) VALUES ({key}, {from.Id}, {channelId}, {serviceUrl}, {PrivateChatStates.Unknown}, {clock.GetUtcNow()}) ON CONFLICT (user_id) DO NOTHING", ct))
            {
                return; // the next turn records it
            }

            row = await db.PrivateChats.SingleOrDefaultAsync(c => c.UserId == key, ct);
            if (row is null)
            {
                return; // erased again meanwhile (forget me)
            }
        }
        if (row.ChannelId != channelId)
        {
            // Another channel's conversation id means nothing here.
            row.ConversationId = null;
            row.State = PrivateChatStates.Unknown;
        }
        row.MemberId = from.Id;
        row.ChannelId = channelId;
        row.ServiceUrl = serviceUrl;
        row.TenantId = tenant ?? row.TenantId;
        row.BotId = activity.Recipient?.Id ?? row.BotId;
        row.BotName = activity.Recipient?.Name ?? row.BotName;
        row.UserName = string.IsNullOrWhiteSpace(from.Name) ? row.UserName : from.Name;
        row.AadObjectId = from.AadObjectId ?? row.AadObjectId;
        if (personal is not null)
        {
            row.ConversationId = personal;
            row.State = PrivateChatStates.Open;
            row.Problem = null;
        }
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            using var gate = await writes.EnterAsync(ct);
            await db.SaveChangesAsync(ct);
            seen.Remember(key, stamp);
        }
        catch (DbUpdateException ex)
        {
            // SQLite was busy (another process was committing); the next turn writes it again.
            db.Entry(row).State = EntityState.Detached;
            logger.LogDebug(ex, "Could not record how to reach {UserId} privately", key);
        }
    }

    /// <summary>The person removed the app from their personal scope: their 1:1 chat is gone.</summary>
    public async Task ForgetChatAsync(string userId, CancellationToken ct)
    {
        seen.Forget(userId);
        if (await db.PrivateChats.FindAsync([userId], ct) is not { } row)
        {
            return;
        }

        row.State = PrivateChatStates.Dead;
        row.Problem = "the app was removed";
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends one reply to one person 1:1 (email as the fallback when <paramref name="mailFallback"/> is given).</summary>
    public async Task<PrivateDelivery> SendAsync(string userId, BotReply reply, PrivateMail? mailFallback, CancellationToken ct) =>
        (await SendAllAsync([new PrivateMessage(userId, reply, mailFallback)], ct))[userId];

    /// <summary>Sends each message to its person, several at a time; answers how each went, by user id.</summary>
    public async Task<IReadOnlyDictionary<string, PrivateDelivery>> SendAllAsync(IReadOnlyList<PrivateMessage> messages, CancellationToken ct)
    {
        var ids = messages.Select(m => m.UserId).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.PrivateChats.Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, ct);
        var results = new ConcurrentDictionary<string, PrivateDelivery>(StringComparer.Ordinal);
        var changed = new ConcurrentBag<(PrivateChat Row, string? ConversationId, string State, string? Problem)>();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (message, token) =>
            {
                rows.TryGetValue(message.UserId, out var row);
                results[message.UserId] = await ChatAsync(row, message.Reply, changed, token);
            });

        foreach (var (row, conversationId, state, problem) in changed)
        {
            row.ConversationId = conversationId;
            row.State = state;
            row.Problem = problem;
            row.UpdatedAt = clock.GetUtcNow();
            if (state == PrivateChatStates.Dead && conversationId is not null)
            {
                await conversations.MarkDeadAsync(row.ChannelId, conversationId, ct);
            }
        }
        if (!changed.IsEmpty)
        {
            await db.SaveChangesAsync(ct);
            foreach (var (row, _, _, _) in changed)
            {
                seen.Forget(row.UserId); // the next turn compares with the row again (and revives a chat found dead)
            }
        }

        foreach (var message in messages.Where(m => m.Mail is not null && results[m.UserId].Outcome == PrivateOutcome.Unreachable))
        {
            results[message.UserId] = await MailAsync(message, results[message.UserId], ct);
        }

        return results;
    }

    /// <summary>The person's 1:1 chat, opened if need be; no database work here (this runs in parallel).</summary>
    private async Task<PrivateDelivery> ChatAsync(PrivateChat? row, BotReply reply,
        ConcurrentBag<(PrivateChat, string?, string, string?)> changed, CancellationToken ct)
    {
        if (row is null)
        {
            return new PrivateDelivery(PrivateOutcome.Unreachable);
        }

        if (row.State is PrivateChatStates.Refused or PrivateChatStates.Dead)
        {
            return new PrivateDelivery(PrivateOutcome.Unreachable, row.Problem ?? row.State);
        }

        var conversationId = row.ConversationId;
        try
        {
            if (conversationId is null)
            {
                // Only Teams lets a bot start a conversation with a user; elsewhere the person has to write first.
                if (row.ChannelId != Channels.MsTeams)
                {
                    return new PrivateDelivery(PrivateOutcome.Unreachable);
                }

                conversationId = await CreateAsync(row, ct);
                changed.Add((row, conversationId, PrivateChatStates.Open, null));
            }
        }
        catch (ConnectorException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            var problem = $"{(int)ex.StatusCode} {ex.ErrorCode ?? ex.StatusCode.ToString()}";
            logger.LogWarning("Teams would not open a 1:1 chat with {UserId}: {Problem}", row.UserId, problem);
            changed.Add((row, null, PrivateChatStates.Refused, problem));
            return new PrivateDelivery(PrivateOutcome.Unreachable, problem);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            logger.LogWarning(ex, "Could not open a 1:1 chat with {UserId}", row.UserId);
            return new PrivateDelivery(PrivateOutcome.Failed, ex.Message);
        }

        var reference = Reference(row, conversationId);
        var activity = ReplySender.ToActivity(reply, CardSurface.For(row.ChannelId));
        try
        {
            await queue.RunAsync(conversationId, () => adapter.ContinueConversationAsync(reference,
                (turn, token) => turn.SendActivityAsync(activity, token), ct), ct);
            return PrivateDelivery.InChat;
        }
        catch (ConnectorException ex) when (ex.IsBotRemoved || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Removed from the chat (the person uninstalled the app): do not retry, mark it so nothing more is tried.
            var problem = $"{(int)ex.StatusCode} {ex.ErrorCode ?? ex.StatusCode.ToString()}";
            logger.LogWarning("The 1:1 chat with {UserId} is gone: {Problem}", row.UserId, problem);
            changed.Add((row, conversationId, PrivateChatStates.Dead, problem));
            return new PrivateDelivery(PrivateOutcome.Unreachable, problem);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            logger.LogWarning(ex, "Could not send to the 1:1 chat with {UserId}", row.UserId);
            return new PrivateDelivery(PrivateOutcome.Failed, ex.Message);
        }
    }

    private async Task<string> CreateAsync(PrivateChat row, CancellationToken ct)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = row.BotId, Name = row.BotName },
            Members = [new ChannelAccount { Id = row.MemberId ?? row.UserId, AadObjectId = row.AadObjectId }],
            TenantId = row.TenantId,
            ChannelData = row.TenantId is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = row.TenantId } },
        };
        var created = await connectors.Create(row.ServiceUrl).CreateConversationAsync(parameters, ct);
        return created.Id is { Length: > 0 } id
            ? id
            : throw new ConnectorException(System.Net.HttpStatusCode.OK, null, "Create conversation answered no id.");
    }

    private static ConversationReference Reference(PrivateChat row, string conversationId) => new()
    {
        ChannelId = row.ChannelId,
        ServiceUrl = row.ServiceUrl,
        Bot = new ChannelAccount { Id = row.BotId, Name = row.BotName },
        User = new ChannelAccount { Id = row.MemberId ?? row.UserId, Name = row.UserName, AadObjectId = row.AadObjectId },
        Conversation = new ConversationAccount
        {
            Id = conversationId,
            IsGroup = false,
            ConversationType = ConversationScopes.Personal,
            TenantId = row.TenantId,
        },
    };

    private async Task<PrivateDelivery> MailAsync(PrivateMessage message, PrivateDelivery chat, CancellationToken ct)
    {
        var profile = await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == message.UserId, ct);
        if (profile?.Email is not { Length: > 0 } email || !mail.IsAvailable)
        {
            return chat;
        }

        var text = message.Reply.Text.Replace("**", "");
        await mail.EnqueueAsync(message.Mail!.EventId, message.Mail.Kind, email, profile.Name, message.Mail.Subject, text, ct);
        await db.SaveChangesAsync(ct);
        return chat with { Outcome = PrivateOutcome.Mail };
    }
}
