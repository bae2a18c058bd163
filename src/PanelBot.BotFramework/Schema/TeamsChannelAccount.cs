using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>A conversation member as the Teams member APIs return it.</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>AAD object id; read from <c>aadObjectId</c> or from <c>objectId</c> (what Teams sends).</summary>
    public string? AadObjectId { get; set; }

    [JsonInclude, JsonPropertyName("objectId")]
    private string? ObjectId { get => null; set => AadObjectId ??= value; }

    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? TenantId { get; set; }

    /// <summary><c>user</c>, <c>guest</c> or <c>anonymous</c>.</summary>
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
