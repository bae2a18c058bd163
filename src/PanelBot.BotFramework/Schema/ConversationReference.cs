namespace PanelBot.BotFramework;

/// <summary>Everything needed to message a conversation later (proactively). JSON-serialisable with <see cref="BotJson.Options"/>.</summary>
public sealed record ConversationReference
{
    /// <summary>Id of the activity the reference was taken from, if it is a real message id.</summary>
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>Only store a service URL that arrived with a verified token.</summary>
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
}
