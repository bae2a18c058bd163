using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Domain.Commands;

namespace PanelBot.Conversation;

/// <summary>Resolves a user named in a command to a user id, through the activity's Teams mention entities.</summary>
public static class Mentions
{
    public static (string? UserId, string Name) Resolve(Activity activity, UserRef user)
    {
        var (id, name, _) = ResolveAccount(activity, user);
        return (id, name);
    }

    /// <summary>The account named (its channel id, display name and, where the mention carries one, Entra object id).</summary>
    public static (string? AccountId, string Name, string? AadObjectId) ResolveAccount(Activity activity, UserRef user)
    {
        if (!user.IsMention)
        {
            return (user.Text, user.Text, null);
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (entity["type"]?.GetValue<string>() != "mention")
            {
                continue;
            }

            if (entity["mentioned"] is not JsonObject mentioned)
            {
                continue;
            }

            var id = mentioned["id"]?.GetValue<string>();
            var name = mentioned["name"]?.GetValue<string>() ?? "";
            if (id is null || id == activity.Recipient?.Id)
            {
                continue;
            }

            if (string.Equals(name, user.Text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entity["text"]?.GetValue<string>(), $"<at>{user.Text}</at>", StringComparison.OrdinalIgnoreCase))
            {
                return (id, name, mentioned["aadObjectId"]?.GetValue<string>() ?? mentioned["objectId"]?.GetValue<string>());
            }
        }
        return (null, user.Text, null);
    }
}
