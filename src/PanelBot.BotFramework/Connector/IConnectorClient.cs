namespace PanelBot.BotFramework;

/// <summary>The Bot Connector REST API (<c>{serviceUrl}v3/conversations/…</c>) of one service URL.</summary>
public interface IConnectorClient
{
    /// <summary>The service URL this client talks to.</summary>
    Uri ServiceUrl { get; }

    Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken ct = default);

    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken ct = default);

    Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken ct = default);

    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken ct = default);

    Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken ct = default);

    /// <summary>One member by Teams user id, UPN or AAD object id; null when the channel answers 404.</summary>
    Task<TeamsChannelAccount?> GetConversationMemberAsync(string conversationId, string userId, CancellationToken ct = default);

    Task<PagedMembersResult> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken ct = default);
}
