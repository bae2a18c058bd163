using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>A user or bot on a channel (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>…).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>; Web Chat decides the side of a bubble by it.</summary>
    public string? Role { get; set; }

    // Member APIs spell the AAD id "objectId" (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context); read it, write only aadObjectId.
    [JsonInclude, JsonPropertyName("objectId")]
    private string? ObjectId { get => null; set => AadObjectId ??= value; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy carrying only id, name, AAD object id and role.</summary>
    public ChannelAccount Copy() => new() { Id = Id, Name = Name, AadObjectId = AadObjectId, Role = Role };
}
