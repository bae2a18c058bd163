using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>A card or file attached to an activity; <see cref="Content"/> is a JSON object, not a string.</summary>
public sealed class Attachment
{
    /// <summary>MIME type such as <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public string? ContentType { get; set; }
    public JsonNode? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
