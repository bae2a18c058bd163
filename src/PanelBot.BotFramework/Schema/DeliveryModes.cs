namespace PanelBot.BotFramework;

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";

    /// <summary>The caller wants every reply in the HTTP response body instead of via the connector.</summary>
    public const string ExpectReplies = "expectReplies";
}
