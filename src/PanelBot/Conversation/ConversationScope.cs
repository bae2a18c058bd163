using PanelBot.BotFramework;

namespace PanelBot.Conversation;

/// <summary>
/// Who can read a conversation. Teams says it in <c>conversation.conversationType</c> (personal, groupChat, channel);
/// every other channel PanelBot serves (Web Chat, Direct Line, the Emulator) is one person talking to the bot.
/// </summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}

public static class ConversationScopes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";

    public static ConversationScope Of(Activity activity)
    {
        if (activity.ChannelId != Channels.MsTeams)
        {
            return ConversationScope.Personal;
        }

        return activity.Conversation?.ConversationType switch
        {
            Channel => ConversationScope.Channel,
            GroupChat => ConversationScope.GroupChat,
            Personal => ConversationScope.Personal,
            // Older Teams payloads carry only isGroup; a group conversation is shared either way.
            _ => activity.Conversation?.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
        };
    }

    public static bool IsShared(this ConversationScope scope) => scope != ConversationScope.Personal;

    public static string Name(this ConversationScope scope) => scope switch
    {
        ConversationScope.Channel => Channel,
        ConversationScope.GroupChat => GroupChat,
        _ => Personal,
    };

    public static ConversationScope Parse(string? name) => name switch
    {
        Channel => ConversationScope.Channel,
        GroupChat => ConversationScope.GroupChat,
        _ => ConversationScope.Personal,
    };

    /// <summary>The team of a Teams channel conversation (<c>channelData.team.id</c>); null elsewhere.</summary>
    public static string? TeamId(Activity activity) =>
        activity.ChannelId == Channels.MsTeams && activity.ChannelData?["team"]?["id"] is System.Text.Json.Nodes.JsonValue id
            && id.TryGetValue<string>(out var team) && team.Length > 0
            ? team
            : null;
}
