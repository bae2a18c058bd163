using NodaTime;
using PanelBot.BotFramework;
using PanelBot.Cards;

namespace PanelBot.Conversation;

/// <summary>The parts of an inbound activity that features need, read once per turn.</summary>
public sealed record TurnRequest(
    ITurnContext Turn,
    string UserId,
    string UserName,
    CardSurface Surface,
    DateTimeZone? ClientZone)
{
    public Activity Activity => Turn.Activity;

    public static TurnRequest From(ITurnContext turn)
    {
        var activity = turn.Activity;
        var zoneId = activity.GetClientTimeZone();
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        return new TurnRequest(
            turn,
            activity.From?.Id ?? "unknown",
            string.IsNullOrWhiteSpace(activity.From?.Name) ? "Someone" : activity.From!.Name!,
            CardSurface.For(activity),
            zone);
    }
}
