namespace PanelBot.BotFramework;

/// <summary>The local Direct Line playground (for Web Chat).</summary>
public sealed class PlaygroundOptions
{
    /// <summary>Null means: on when no MicrosoftAppId is configured, off otherwise.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Account id the playground gives the bot.</summary>
    public string BotId { get; set; } = "panelbot";

    /// <summary>Display name the playground gives the bot.</summary>
    public string BotName { get; set; } = "PanelBot";

    /// <summary>Most conversations kept in memory; the oldest is evicted.</summary>
    public int MaxConversations { get; set; } = 200;

    /// <summary>Most activities kept per conversation; the oldest are evicted.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;
}
