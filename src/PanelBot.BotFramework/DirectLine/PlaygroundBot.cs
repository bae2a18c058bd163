using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Connector;

namespace PanelBot.BotFramework.DirectLine;

/// <summary>
/// Hands playground activities to the bot as the Direct Line channel would, on a background task so the
/// client gets its echo at once; failures are logged, never thrown at the client.
/// </summary>
internal sealed class PlaygroundBot(
    IBotAdapter adapter,
    LocalServiceUrls localUrls,
    IOptions<BotFrameworkOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PlaygroundBot> logger)
{
    public ChannelAccount Account => new()
    {
        Id = options.Value.Playground.BotId,
        Name = options.Value.Playground.BotName,
        Role = "bot",
    };

    /// <summary>The connector base URL the bot must answer on: this server's <c>/_playground/</c> routes.</summary>
    public string ServiceUrlFor(HttpRequest request)
    {
        // The bot calls this URL from inside the process: the browser's Host only works when it is loopback
        // (behind Docker or a proxy it names another machine), otherwise use this server's own port.
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/_playground/";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            url = $"{request.Scheme}://localhost:{request.HttpContext.Connection.LocalPort}{request.PathBase}/_playground/";
        }

        localUrls.Register(url);
        return url;
    }

    public void StartConversation(DirectLineConversation conversation, string serviceUrl) => Deliver(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = conversation.Id + "|start",
        Timestamp = time.GetUtcNow(),
        ChannelId = Channels.Webchat,
        ServiceUrl = serviceUrl,
        From = conversation.User.Copy(),
        Recipient = Account,
        Conversation = new ConversationAccount { Id = conversation.Id },
        Locale = conversation.Locale,
        MembersAdded = [Account, conversation.User.Copy()],
    });

    public void Deliver(Activity activity)
    {
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await adapter.ProcessActivityAsync(activity, new ClaimsIdentity(), stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogError(e, "The bot failed on playground activity {ActivityType} in {ConversationId}",
                    activity.Type, activity.Conversation?.Id);
            }
        }, CancellationToken.None);
    }
}
