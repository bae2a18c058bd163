using System.Security.Claims;
using System.Text.Json;

namespace PanelBot.BotFramework.Hosting;

/// <summary>The <see cref="ITurnContext"/> of one inbound or proactive turn.</summary>
internal sealed class TurnContext(Activity activity, ClaimsIdentity identity, Lazy<IConnectorClient> connector) : ITurnContext
{
    private readonly List<Activity> _sent = [];

    public Activity Activity { get; } = activity;
    public ClaimsIdentity Identity { get; } = identity;
    public IConnectorClient Connector => connector.Value;
    public IList<Activity> SentActivities => _sent;

    /// <summary>Activities kept for the HTTP answer of an <c>expectReplies</c> request.</summary>
    public List<Activity> BufferedReplies { get; } = [];

    public InvokeResponse? InvokeResponse { get; private set; }

    public Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken ct = default) =>
        SendActivityAsync(Activity.CreateMessage(text), ct);

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversationReference(activity);
        _sent.Add(activity);

        if (activity.Type == ActivityTypes.InvokeResponse)
        {
            SetInvokeResponse(InvokeResponseFrom(activity));
            return new ResourceResponse { Id = string.Empty };
        }

        if (activity.Type == ActivityTypes.Trace && Activity.ChannelId != Channels.Emulator)
        {
            return new ResourceResponse { Id = string.Empty };
        }

        if (Activity.IsExpectReplies)
        {
            BufferedReplies.Add(activity);
            return new ResourceResponse { Id = string.Empty };
        }

        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation id.");
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? await Connector.SendToConversationAsync(conversationId, activity, ct).ConfigureAwait(false)
            : await Connector.ReplyToActivityAsync(conversationId, activity.ReplyToId, activity, ct).ConfigureAwait(false);
    }

    public async Task UpdateActivityAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Id ?? throw new ArgumentException("The activity to update needs its id.", nameof(activity));
        activity.Conversation ??= Activity.Conversation?.Copy();
        activity.From ??= Activity.Recipient?.Copy();
        activity.Recipient ??= Activity.From?.Copy();
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.ChannelId ??= Activity.ChannelId;
        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation id.");
        await Connector.UpdateActivityAsync(conversationId, id, activity, ct).ConfigureAwait(false);
    }

    public void SetInvokeResponse(InvokeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        InvokeResponse = response;
    }

    private void ApplyConversationReference(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= Activity.Recipient?.Copy();
        activity.Recipient ??= Activity.From?.Copy();
        activity.Conversation ??= Activity.Conversation?.Copy();
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.ChannelId ??= Activity.ChannelId;
        activity.Locale ??= Activity.Locale;
        activity.ReplyToId ??= Activity.IdUsableAsReplyTarget();
    }

    private static InvokeResponse InvokeResponseFrom(Activity activity) =>
        activity.Value?.Deserialize<InvokeResponse>(BotJson.Options) ?? new InvokeResponse(200);
}
