using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support;

/// <summary>Reading Adaptive Cards and reply activities the way a person would look at them.</summary>
public static class CardJson
{
    public const string AdaptiveContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The Adaptive Cards attached to the replies.</summary>
    public static IReadOnlyList<JsonObject> Of(IEnumerable<JsonObject> replies) =>
        replies.SelectMany(r => r["attachments"]?.AsArray() ?? [])
            .Where(a => a?["contentType"]?.GetValue<string>() == AdaptiveContentType)
            .Select(a => a!["content"]!.AsObject())
            .ToList();

    public static JsonObject Single(IEnumerable<JsonObject> replies) => Assert.Single(Of(replies));

    /// <summary>The text of the replies (what a channel without cards shows).</summary>
    public static string TextOf(IEnumerable<JsonObject> replies) =>
        string.Join("\n", replies.Select(r => r["text"]?.GetValue<string>()).Where(t => t is not null));

    /// <summary>Every string in the card (texts, fact titles and values, button titles, URLs), in document order.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    public static string AllText(JsonNode? card) => string.Join("\n", Strings(card));

    /// <summary>All elements of a given type ("TextBlock", "FactSet", "Action.Execute"...), depth first.</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode? node, string type)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue t && t.TryGetValue<string>(out var name) && name == type) yield return o;
                foreach (var child in o.SelectMany(p => Elements(p.Value, type))) yield return child;
                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(n => Elements(n, type))) yield return child;
                break;
        }
    }

    public static IReadOnlyList<string> TextBlocks(JsonNode card) =>
        Elements(card, "TextBlock").Select(t => t["text"]!.GetValue<string>()).ToList();

    /// <summary>The facts of every FactSet, in order (titles may repeat, e.g. two "Discussant's comments").</summary>
    public static IReadOnlyList<(string Title, string Value)> Facts(JsonNode card) =>
        Elements(card, "FactSet").SelectMany(f => f["facts"]!.AsArray())
            .Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>()))
            .ToList();

    public static string Fact(JsonNode card, string title)
    {
        var matches = Facts(card).Where(f => f.Title == title).ToList();
        Assert.True(matches.Count == 1, $"Expected one fact '{title}' on the card, found {matches.Count}: {string.Join(" | ", Facts(card))}");
        return matches[0].Value;
    }

    /// <summary>The one input with this id, wherever it sits in the form.</summary>
    public static JsonObject Input(JsonNode card, string id) =>
        Assert.Single(AllInputs(card), i => i["id"]?.GetValue<string>() == id);

    public static IEnumerable<JsonObject> AllInputs(JsonNode card) =>
        new[] { "Input.Text", "Input.Date", "Input.Time", "Input.ChoiceSet", "Input.Toggle", "Input.Number" }
            .SelectMany(type => Elements(card, type));

    /// <summary>The texts shown right under an input (the field's error message), if any.</summary>
    public static IReadOnlyList<string> ErrorsUnder(JsonNode card, string inputId)
    {
        var containers = Elements(card, "Container")
            .Where(c => c["items"]!.AsArray().Any(i => i?["id"]?.GetValue<string>() == inputId))
            .ToList();
        return containers.SelectMany(c => c["items"]!.AsArray())
            .Where(i => i?["type"]?.GetValue<string>() == "TextBlock")
            .Select(i => i!["text"]!.GetValue<string>())
            .ToList();
    }

    /// <summary>Every button of the card: its actions (overflow included) and those of ActionSets in the body.</summary>
    public static IEnumerable<JsonObject> Buttons(JsonNode card) =>
        new[] { "Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard" }.SelectMany(type => Elements(card, type))
            .Where(a => a["title"] is not null);

    public static JsonObject Button(JsonNode card, string title)
    {
        var matches = Buttons(card).Where(b => b["title"]!.GetValue<string>() == title).ToList();
        Assert.True(matches.Count == 1,
            $"Expected one button '{title}', found {matches.Count}. Buttons: {string.Join(" | ", Buttons(card).Select(b => b["title"]))}");
        return matches[0];
    }

    public static IReadOnlyList<string> ButtonTitles(JsonNode card) => Buttons(card).Select(b => b["title"]!.GetValue<string>()).ToList();

    /// <summary>The card's buttons (top-level actions).</summary>
    public static IReadOnlyList<JsonObject> Actions(JsonNode card) =>
        card["actions"]?.AsArray().Select(a => a!.AsObject()).ToList() ?? [];
}
