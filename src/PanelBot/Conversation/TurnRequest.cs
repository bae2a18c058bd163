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

    /// <summary>
    /// Whether what this turn answers is seen by this user alone: a personal chat (Direct Line conversations are one
    /// person's), or an <c>adaptiveCard/action</c> invoke, whose response card Teams shows only to the user who clicked
    /// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
    /// </summary>
    public bool SeenOnlyByUser =>
        Activity.Type == ActivityTypes.Invoke
        || (Activity.Conversation?.IsGroup != true && Activity.Conversation?.ConversationType is null or "personal");

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
