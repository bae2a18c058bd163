namespace PanelBot.BotFramework;

/// <summary>Well-known values of <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
    public const string Webchat = "webchat";
    public const string DirectLine = "directline";
    public const string Emulator = "emulator";
}
