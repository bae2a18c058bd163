using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy of the known fields.</summary>
    public ConversationAccount Copy() =>
        new() { Id = Id, Name = Name, IsGroup = IsGroup, ConversationType = ConversationType, TenantId = TenantId };
}
