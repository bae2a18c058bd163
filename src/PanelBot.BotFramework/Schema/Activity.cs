using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>
/// A Bot Framework activity (message, conversationUpdate, invoke…). Unknown fields are kept in <see cref="Extra"/>
/// so an activity survives a read/write round trip.
/// </summary>
public sealed partial class Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>; unknown values are legal and must be tolerated.</summary>
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the client (Web Chat always, Teams often).</summary>
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public JsonObject? ChannelData { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Action { get; set; }
    public string? DeliveryMode { get; set; }
    public string? InputHint { get; set; }

    /// <summary>Set by the receiving bot from the validated token; a value on the wire is never trusted.</summary>
    public string? CallerId { get; set; }
    public string? Summary { get; set; }
    public string? Speak { get; set; }
    public JsonObject? SuggestedActions { get; set; }
    public ConversationReference? RelatesTo { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>True when the caller asked for replies in the HTTP response (<c>deliveryMode: expectReplies</c>).</summary>
    [JsonIgnore]
    public bool IsExpectReplies => string.Equals(DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a message activity (no text by default).</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };
}
