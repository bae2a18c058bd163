namespace PanelBot.Conversation;

/// <summary>What the bot says when it is added to a conversation.</summary>
public interface IGreeter
{
    Task GreetAsync(TurnRequest request, CancellationToken ct);
}
