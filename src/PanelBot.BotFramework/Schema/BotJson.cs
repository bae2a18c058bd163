using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanelBot.BotFramework;

/// <summary>The JSON conventions of the Bot Framework wire format: camelCase, nulls omitted, case-insensitive reads.</summary>
public static class BotJson
{
    /// <summary>Shared, read-only serializer options for activities and connector payloads.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
