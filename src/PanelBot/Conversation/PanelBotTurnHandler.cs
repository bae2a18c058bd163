using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Conversation.Limits;
using PanelBot.Diagnostics;
using PanelBot.Storage;

namespace PanelBot.Conversation;

/// <summary>
/// The bot: routes each turn to a feature. Text commands and card buttons (Action.Submit in Web Chat, Action.Execute
/// in Teams) end in the same handlers, so every action works everywhere.
/// </summary>
public sealed class PanelBotTurnHandler(
    ConversationStore conversations,
    CommandHandler commands,
    CardActionHandler cardActions,
    IGreeter welcome,
    IUserZones zones,
    IPrivateLine privateLine,
    TurnLimiter limiter,
    TurnConnection connection,
    ILogger<PanelBotTurnHandler> logger) : IBot
{
    public const string CardActionInvoke = "adaptiveCard/action";

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        using var span = PanelBotTelemetry.StartTurn(activity.Type, activity.ChannelId, activity.Type == ActivityTypes.Invoke ? activity.Name : null);
        if (IsCommand(activity) && limiter.TryCommand(activity) is { } refusal)
        {
            await SayWaitAsync(turn, refusal, cancellationToken);
            return;
        }

        await using var held = connection.Hold();
        await conversations.RememberAsync(activity, cancellationToken);
        await privateLine.RememberAsync(activity, cancellationToken);
        var request = TurnRequest.From(turn) with { PrivateLine = privateLine };
        try
        {
            if (request.ClientZone is { } zone && activity.From?.Id is { Length: > 0 })
            {
                await zones.RememberClientZoneAsync(request.UserId, activity.From.Name, zone.Id, cancellationToken);
            }

            switch (activity.Type)
            {
                case ActivityTypes.Message when activity.Value is JsonObject submitted && submitted["verb"] is not null:
                    await cardActions.HandleSubmitAsync(request, submitted, cancellationToken);
                    break;
                case ActivityTypes.Message:
                    await commands.HandleAsync(request, cancellationToken);
                    break;
                case ActivityTypes.Invoke when activity.Name == CardActionInvoke:
                    await cardActions.HandleExecuteAsync(request, cancellationToken);
                    break;
                case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
                    await welcome.GreetAsync(request, cancellationToken);
                    break;
                case ActivityTypes.ConversationUpdate when BotWasRemoved(activity):
                    await conversations.MarkDeadAsync(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", cancellationToken, request.TeamId);
                    break;
                // Teams: the app was added to or removed from a personal chat, group chat or team
                // (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
                // Added: the conversation (revived if it was dead) and, in a personal chat, the private line are
                // recorded above; Teams also sends a conversationUpdate with the bot among membersAdded, which greets.
                case ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade":
                    await conversations.MarkDeadAsync(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", cancellationToken, request.TeamId);
                    if (request.Scope == ConversationScope.Personal)
                    {
                        await privateLine.ForgetChatAsync(request.UserId, cancellationToken);
                    }

                    break;
                    // Other activity types (reactions, typing, unknown invokes) need nothing from us;
                    // an invoke left without a response is answered 501 by the adapter, as the SDK does.
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PanelBotTelemetry.Failed(span, ex);
            logger.LogError(ex, "Turn failed for activity {ActivityType} in conversation {ConversationId}",
                activity.Type, activity.Conversation?.Id);
            await ApologiseAsync(turn, cancellationToken);
        }
    }

    private static bool IsCommand(Activity activity) =>
        activity.Type == ActivityTypes.Message || (activity.Type == ActivityTypes.Invoke && activity.Name == CardActionInvoke);

    /// <summary>Over the budget nothing runs: a message hears it once, a button always gets the short answer it needs.</summary>
    private static async Task SayWaitAsync(ITurnContext turn, TurnLimiter.Refusal refusal, CancellationToken ct)
    {
        const string wait = "You're sending me a lot at once. Please wait a minute, then try again.";
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.SetInvokeResponse(CardInvokeResponses.Error(429, "TooManyRequests", wait));
            return;
        }
        if (refusal.FirstTime)
        {
            await turn.SendActivityAsync(wait, ct);
        }
    }

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;

    private static bool BotWasRemoved(Activity activity) =>
        activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;

    private static async Task ApologiseAsync(ITurnContext turn, CancellationToken ct)
    {
        const string sorry = "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.SetInvokeResponse(CardInvokeResponses.Error(500, "InternalError", sorry));
            return;
        }
        await turn.SendActivityAsync(sorry, ct);
    }
}
