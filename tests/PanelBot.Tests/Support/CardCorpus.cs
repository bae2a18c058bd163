using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support;

/// <summary>
/// The Adaptive Cards the bot answered with. When <c>PANELBOT_CARD_CORPUS</c> names a folder (test.sh sets it), every
/// card any test receives is written there once, and test.sh checks them all with Microsoft's parser after the run.
/// </summary>
public static class CardCorpus
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("PANELBOT_CARD_CORPUS") is { Length: > 0 } dir ? dir : null;

    /// <summary>The cards in a raw /api/messages answer: reply activities' attachments, or an invoke response's card.</summary>
    public static IEnumerable<JsonObject> CardsIn(string raw)
    {
        if (raw.Length == 0 || JsonNode.Parse(raw) is not JsonObject body) yield break;
        if (body["type"]?.GetValue<string>() == CardJson.AdaptiveContentType && body["value"] is JsonObject card) yield return card;
        foreach (var activity in body["activities"]?.AsArray() ?? [])
        foreach (var attachment in activity?["attachments"]?.AsArray() ?? [])
            if (attachment?["contentType"]?.GetValue<string>() == CardJson.AdaptiveContentType && attachment["content"] is JsonObject content)
                yield return content;
    }

    public static void Record(string raw)
    {
        if (Folder is null) return;
        foreach (var card in CardsIn(raw)) Write(Folder, card);
    }

    /// <summary>Writes a card as one file named by its content, so the same card is kept once.</summary>
    public static void Write(string folder, JsonObject card)
    {
        var json = card.ToJsonString();
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..20].ToLowerInvariant() + ".json";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) File.WriteAllText(path, json);
    }
}
