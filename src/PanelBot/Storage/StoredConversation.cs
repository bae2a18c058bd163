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

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> (Web Chat and other channels are personal).</summary>
    public string? Scope { get; set; }

    /// <summary>The team of a Teams channel conversation.</summary>
    public string? TeamId { get; set; }

    /// <summary>When the bot was removed from it (uninstalled, or a 403 on send): nothing more is sent there.</summary>
    public DateTimeOffset? DeadAt { get; set; }
    /// <summary>The serialised <c>ConversationReference</c> of the latest activity.</summary>
    public required string ReferenceJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
