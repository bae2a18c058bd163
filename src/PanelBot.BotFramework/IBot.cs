namespace PanelBot.BotFramework;

/// <summary>The application's bot: receives every inbound activity (including unknown types) as one turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
