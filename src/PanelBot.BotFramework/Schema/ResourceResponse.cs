namespace PanelBot.BotFramework;

/// <summary>The connector's answer to a send: the id the channel gave the activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
