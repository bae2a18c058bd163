namespace PanelBot.BotFramework;

/// <summary>Supplies the bot's outbound access token (audience https://api.botframework.com).</summary>
public interface IBotTokenProvider
{
    Task<string> GetAccessTokenAsync(CancellationToken ct = default);
}
