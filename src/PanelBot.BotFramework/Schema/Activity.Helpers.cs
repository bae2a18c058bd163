using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PanelBot.BotFramework;

public sealed partial class Activity
{
    /// <summary>
    /// A message answering this activity: from/recipient swapped, same conversation, service URL, channel and locale,
    /// and <c>replyToId</c> = this id (not for conversationUpdate on Web Chat / Direct Line, where the id is not a message).
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null
            ? null
            : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup },
        ReplyToId = IdUsableAsReplyTarget(),
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Locale = Locale,
    };

    /// <summary>The reference to store for proactive messages to this conversation.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = IdUsableAsReplyTarget(),
        User = From?.Copy(),
        Bot = Recipient?.Copy(),
        Conversation = Conversation?.Copy(),
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>
    /// Removes the <c>&lt;at&gt;…&lt;/at&gt;</c> mention of the recipient (the bot) from <see cref="Text"/>, trims it,
    /// stores the result back into <see cref="Text"/> and returns it.
    /// </summary>
    public string? RemoveRecipientMentionText()
    {
        if (Text is null)
        {
            return null;
        }

        var text = Text;
        foreach (var mention in RecipientMentions().Take(MaxRecipientMentions))
        {
            if (StringOf(mention["text"]) is { Length: > 0 } markup)
            {
                text = text.Replace(markup, string.Empty, StringComparison.OrdinalIgnoreCase);
            }

            if (StringOf(mention["mentioned"]?["name"]) is { Length: > 0 } name)
            {
                text = WithoutMention(text, name);
            }
        }

        Text = text.Trim();
        return Text;
    }

    // Text and names come from the wire; a time-out bounds the work on hostile input (see .NET's regex guidance,
    // https://learn.microsoft.com/dotnet/standard/base-types/best-practices-regex#use-time-out-values).
    private const int MaxRecipientMentions = 10;
    private static readonly TimeSpan MentionMatchTimeout = TimeSpan.FromMilliseconds(200);

    private static string WithoutMention(string text, string name)
    {
        try
        {
            return Regex.Replace(text, "<at[^>]*>" + Regex.Escape(name) + "</at>", string.Empty,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MentionMatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    /// <summary>
    /// The client's IANA time zone: <c>localTimezone</c> (any casing), else the Teams <c>clientInfo</c> entity's
    /// <c>timezone</c>; null when neither is present.
    /// </summary>
    public string? GetClientTimeZone()
    {
        if (!string.IsNullOrWhiteSpace(LocalTimezone))
        {
            return LocalTimezone;
        }

        foreach (var (key, value) in Extra ?? [])
        {
            if (key.Equals("localTimezone", StringComparison.OrdinalIgnoreCase)
                && value.ValueKind == System.Text.Json.JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }
        }

        var clientInfo = Entities?.FirstOrDefault(e => IsEntityOfType(e, "clientInfo"));
        return StringOf(clientInfo?["timezone"]) is { Length: > 0 } zone ? zone : null;
    }

    /// <summary>The AAD tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public string? GetTenantId()
    {
        var fromChannelData = StringOf(ChannelData?["tenant"]?["id"]);
        return !string.IsNullOrEmpty(fromChannelData) ? fromChannelData : Conversation?.TenantId;
    }

    internal string? IdUsableAsReplyTarget()
    {
        var idIsNotAMessage = Type == ActivityTypes.ConversationUpdate
            && (ChannelId == Channels.DirectLine || ChannelId == Channels.Webchat);
        return idIsNotAMessage ? null : Id;
    }

    private IEnumerable<JsonObject> RecipientMentions() =>
        (Entities ?? []).Where(e => IsEntityOfType(e, "mention")
            && Recipient?.Id is { } botId
            && string.Equals(StringOf(e["mentioned"]?["id"]), botId, StringComparison.OrdinalIgnoreCase));

    private static bool IsEntityOfType(JsonObject entity, string type) =>
        string.Equals(StringOf(entity["type"]), type, StringComparison.OrdinalIgnoreCase);

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
