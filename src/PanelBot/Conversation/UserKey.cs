using PanelBot.BotFramework;

namespace PanelBot.Conversation;

/// <summary>
/// Who a person is, the same in every conversation they have with the bot: in Teams their Entra object id and tenant
/// (Teams gives each user one <c>aadObjectId</c>; the account id <c>from.id</c> is scoped to the bot and may differ
/// between conversations: learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context), elsewhere the
/// channel and account id (Web Chat, Direct Line and the playground let the client name the account, and may send an
/// <c>aadObjectId</c> nobody checked, so only Teams' is trusted). Organisers, registrations, profiles and private
/// lines are keyed by it; the account id is kept apart for addressing the person (1:1 chats, roster look-ups).
/// </summary>
public static class UserKey
{
    private const string EntraPrefix = "aad:";

    public static string Of(Activity activity) =>
        Of(activity.ChannelId, activity.GetTenantId(), activity.From?.Id, activity.From?.AadObjectId);

    public static string Of(string? channelId, string? tenantId, string? accountId, string? aadObjectId) =>
        channelId == Channels.MsTeams && aadObjectId is { Length: > 0 } && tenantId is { Length: > 0 }
            ? EntraPrefix + tenantId.Trim().ToLowerInvariant() + ":" + aadObjectId.Trim().ToLowerInvariant()
            : (channelId ?? "") + ":" + (accountId ?? "");

    /// <summary>The account id inside a channel-and-account key; null for an Entra key, which names no account.</summary>
    public static string? AccountIdOf(string key)
    {
        if (key.StartsWith(EntraPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var colon = key.IndexOf(':');
        return colon < 0 ? key : key[(colon + 1)..];
    }

    /// <summary>
    /// Keys the same person may have been stored under before: the bare account id (how rows were keyed before
    /// person keys) and, for a Teams person, the channel-and-account key a mention gives before their first turn.
    /// </summary>
    public static IReadOnlyList<string> Aliases(Activity activity)
    {
        var key = Of(activity);
        if (activity.From?.Id is not { Length: > 0 } accountId)
        {
            return [];
        }

        return new[] { accountId, (activity.ChannelId ?? "") + ":" + accountId }
            .Where(a => a != key).Distinct(StringComparer.Ordinal).ToList();
    }
}
