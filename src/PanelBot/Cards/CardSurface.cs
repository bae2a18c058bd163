using PanelBot.BotFramework;

namespace PanelBot.Cards;

/// <summary>What the channel of a turn can show: cards at all, and Universal Actions (<c>Action.Execute</c>).</summary>
public sealed record CardSurface(bool Cards, bool UniversalActions)
{
    public static CardSurface For(Activity activity) => For(activity.ChannelId);

    public static CardSurface For(string? channelId) => channelId switch
    {
        Channels.MsTeams => new(true, true),
        // Web Chat renders cards but ignores Action.Execute; the Emulator and Direct Line clients are Web Chat too.
        Channels.Webchat or Channels.DirectLine or Channels.Emulator => new(true, false),
        _ => new(false, false),
    };
}
