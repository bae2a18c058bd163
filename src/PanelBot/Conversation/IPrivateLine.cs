using PanelBot.BotFramework;

namespace PanelBot.Conversation;

/// <summary>The one way to reach one person privately (their 1:1 chat, else email); never a shared conversation.</summary>
public interface IPrivateLine
{
    /// <summary>Keeps what reaching the speaker of a turn needs; their personal conversation, when this is one.</summary>
    Task RememberAsync(Activity activity, CancellationToken ct);

    /// <summary>The 1:1 chat with this user is gone (the app was removed from it).</summary>
    Task ForgetChatAsync(string userId, CancellationToken ct);

    Task<PrivateDelivery> SendAsync(string userId, BotReply reply, PrivateMail? mailFallback, CancellationToken ct);
}
