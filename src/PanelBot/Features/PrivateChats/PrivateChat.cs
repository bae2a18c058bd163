namespace PanelBot.Features.PrivateChats;

/// <summary>
/// How to reach one person privately: the 1:1 conversation with them once it is known (they wrote to the bot
/// personally, or the bot created it), and what creating it needs (service URL, tenant, the bot's own id).
/// </summary>
public sealed class PrivateChat
{
    /// <summary>The person key (<c>UserKey</c>).</summary>
    public required string UserId { get; set; }

    /// <summary>The account id the channel addresses the person by (<c>from.id</c>, "29:..." in Teams).</summary>
    public string? MemberId { get; set; }
    public required string ChannelId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? UserName { get; set; }
    public string? AadObjectId { get; set; }

    /// <summary>The 1:1 conversation; null until the person writes personally or the bot creates one.</summary>
    public string? ConversationId { get; set; }

    /// <summary>See <see cref="PrivateChatStates"/>.</summary>
    public string State { get; set; } = PrivateChatStates.Unknown;

    /// <summary>Why the channel refused, as it said (e.g. <c>403 Forbidden</c>), for the organiser and the logs.</summary>
    public string? Problem { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class PrivateChatStates
{
    /// <summary>Not tried yet: a 1:1 is created on first need.</summary>
    public const string Unknown = "unknown";
    public const string Open = "open";

    /// <summary>Teams would not create the 1:1 (403/404: the app is not installed for this person).</summary>
    public const string Refused = "refused";

    /// <summary>The 1:1 existed but the bot was removed from it (403 on send).</summary>
    public const string Dead = "dead";
}
