namespace PanelBot.Storage;

/// <summary>A conversation the bot has seen, with what is needed to message it later (proactive messages).</summary>
public sealed class StoredConversation
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    /// <summary>The serialised <c>ConversationReference</c> of the latest activity.</summary>
    public required string ReferenceJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
