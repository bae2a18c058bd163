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

    /// <summary>Personal, group chat or channel: a shared conversation never gets anything meant for one person.</summary>
    public ConversationScope Scope { get; init; } = ConversationScope.Personal;

    public bool IsShared => Scope.IsShared();

    /// <summary>
    /// The account id the channel addresses this person by (<c>from.id</c>): for roster look-ups and mentions.
    /// <see cref="UserId"/> is the person key (<see cref="UserKey"/>), the same in every conversation.
    /// </summary>
    public string MemberId { get; init; } = "";

    /// <summary>The AAD tenant of a Teams turn.</summary>
    public string? TenantId { get; init; }

    /// <summary>The team of a Teams channel conversation; its roster is where members are looked up.</summary>
    public string? TeamId { get; init; }

    /// <summary>Card buttons (invokes) are answered in the invoke response, which Teams shows only to whoever clicked.</summary>
    public bool IsInvoke => Activity.Type == ActivityTypes.Invoke;

    /// <summary>The requester's 1:1 line, where personal replies go from a shared conversation.</summary>
    public IPrivateLine? PrivateLine { get; init; }

    /// <summary>
    /// Whether what this turn answers is seen by this user alone: a personal chat, or an <c>adaptiveCard/action</c>
    /// invoke, whose response card Teams shows only to the user who clicked
    /// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
    /// </summary>
    public bool SeenOnlyByUser => IsInvoke || !IsShared;

    public static TurnRequest From(ITurnContext turn)
    {
        var activity = turn.Activity;
        var zoneId = activity.GetClientTimeZone();
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        return new TurnRequest(
            turn,
            UserKey.Of(activity),
            string.IsNullOrWhiteSpace(activity.From?.Name) ? "Someone" : activity.From!.Name!,
            CardSurface.For(activity),
            zone)
        {
            MemberId = activity.From?.Id ?? "",
            Scope = ConversationScopes.Of(activity),
            TenantId = activity.GetTenantId(),
            TeamId = ConversationScopes.TeamId(activity),
        };
    }
}
