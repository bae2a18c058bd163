using System.Text.Json.Nodes;

namespace PanelBot.Conversation.Routing;

/// <summary>Values card buttons carry in their data.</summary>
public static class CardData
{
    /// <summary>The event number a button names (<c>3</c>, <c>"3"</c> or <c>"#3"</c>), if any.</summary>
    public static int? EventNumber(JsonObject data) => data["event"] switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when int.TryParse(v.ToString().TrimStart('#'), out var n) => n,
        _ => null,
    };
}
