using Microsoft.EntityFrameworkCore;
using PanelBot.BotFramework;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Features.PrivateChats;
using PanelBot.Storage;

namespace PanelBot.Features.People;

/// <summary>The person key (<see cref="UserKey"/>) of someone a command names by @mention or by id.</summary>
public sealed class NamedPeople(PanelBotDbContext db)
{
    /// <summary>
    /// A person key given as such, else the person the bot knows under that account id in this channel, else the key
    /// the account would have: with the mention's Entra object id if it carries one, or channel and account id, which
    /// the person's first turn moves to their Entra key (<see cref="UserKeyMoves"/>).
    /// </summary>
    public async Task<(string? UserId, string Name)> ResolveAsync(Activity activity, UserRef user, CancellationToken ct)
    {
        var (accountId, name, aadObjectId) = Mentions.ResolveAccount(activity, user);
        if (accountId is null)
        {
            return (null, name);
        }

        var channel = activity.ChannelId ?? "";
        if (aadObjectId is not null)
        {
            return (UserKey.Of(channel, activity.GetTenantId(), accountId, aadObjectId), name);
        }

        var known = await db.PrivateChats.AsNoTracking()
            .Where(p => p.UserId == accountId || (p.MemberId == accountId && p.ChannelId == channel))
            .Select(p => p.UserId).FirstOrDefaultAsync(ct);
        return (known ?? UserKey.Of(channel, activity.GetTenantId(), accountId, null), name);
    }

    /// <summary>The account id each person key was last seen with (their private line), for addressing them in cards.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AccountIdsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await db.PrivateChats.AsNoTracking().Where(p => keys.Contains(p.UserId) && p.MemberId != null)
            .ToDictionaryAsync(p => p.UserId, p => p.MemberId!, StringComparer.Ordinal, ct);

    /// <summary>
    /// The person key for an id stored before person keys (a bare account id, e.g. in a feed link issued then):
    /// the person last seen with that account id, else the id unchanged.
    /// </summary>
    public async Task<string> CurrentKeyAsync(string id, CancellationToken ct) =>
        await db.PrivateChats.AsNoTracking().Where(p => p.MemberId == id && p.UserId != id)
            .Select(p => p.UserId).FirstOrDefaultAsync(ct) ?? id;
}
