using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Hosting;

/// <summary>Runs turns through the application's <see cref="IBot"/> (resolved in a fresh DI scope per turn).</summary>
internal sealed class BotAdapter(
    IServiceScopeFactory scopes,
    IConnectorClientFactory connectors,
    IOptions<BotFrameworkOptions> options) : IBotAdapter
{
    public const string ContinueConversationEventName = "ContinueConversation";

    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(identity);

        var turn = CreateTurn(activity, identity);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await bot.OnTurnAsync(turn, ct).ConfigureAwait(false);
        }

        if (activity.IsExpectReplies)
        {
            var replies = new ExpectedReplies { Activities = [.. turn.BufferedReplies] };
            if (activity.Type == ActivityTypes.Invoke)
            {
                var invoke = turn.InvokeResponse ?? new InvokeResponse(501);
                replies.Activities.Add(new Activity
                {
                    Type = ActivityTypes.InvokeResponse,
                    Value = System.Text.Json.JsonSerializer.SerializeToNode(invoke, BotJson.Options),
                });
            }

            return new InvokeResponse(200, replies);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return turn.InvokeResponse ?? new InvokeResponse(501);
        }

        return null;
    }

    public async Task ContinueConversationAsync(
        ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrWhiteSpace(reference.ServiceUrl) || string.IsNullOrWhiteSpace(reference.Conversation?.Id))
        {
            throw new ArgumentException("The reference needs a service URL and a conversation id.", nameof(reference));
        }

        var continuation = new Activity
        {
            Type = ActivityTypes.Event,
            Name = ContinueConversationEventName,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation.Copy(),
            From = reference.User?.Copy(),
            Recipient = reference.Bot?.Copy(),
            Locale = reference.Locale,
            RelatesTo = reference,
        };
        await callback(CreateTurn(continuation, ProactiveIdentity()), ct).ConfigureAwait(false);
    }

    private TurnContext CreateTurn(Activity activity, ClaimsIdentity identity) =>
        new(activity, identity, new Lazy<IConnectorClient>(() => connectors.Create(
            activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to."))));

    private ClaimsIdentity ProactiveIdentity()
    {
        var appId = options.Value.MicrosoftAppId;
        return string.IsNullOrWhiteSpace(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim("aud", appId), new Claim("appid", appId)], "BotFrameworkProactive");
    }
}
