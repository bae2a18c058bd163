using System.Text.Json.Nodes;

namespace PanelBot.Cards;

/// <summary>
/// Small builders for Adaptive Card 1.5 JSON (the highest version Teams renders). No AdaptiveCards package exists
/// here, and the cards are plain JSON on the wire anyway.
/// </summary>
public static class Ac
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject Card(IEnumerable<JsonNode?> body, IEnumerable<JsonNode?>? actions = null, string? fallbackText = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = Array(body),
        };
        if (actions is not null)
        {
            var list = Array(actions);
            if (list.Count > 0)
            {
                card["actions"] = list;
            }
        }
        if (fallbackText is not null)
        {
            card["fallbackText"] = fallbackText;
        }

        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    public static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false,
        string? color = null, bool wrap = true, string? spacing = null, bool? separator = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        if (separator is not null)
        {
            block["separator"] = separator;
        }

        return block;
    }

    public static JsonObject Heading(string text) => Text(text, size: "Medium", weight: "Bolder", spacing: "Medium");

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = Array(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })),
    };

    public static JsonObject Container(IEnumerable<JsonNode?> items, string? style = null, bool? separator = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = Array(items) };
        if (style is not null)
        {
            container["style"] = style;
        }

        if (separator is not null)
        {
            container["separator"] = separator;
        }

        return container;
    }

    public static JsonObject ColumnSet(params JsonNode?[] columns) => new() { ["type"] = "ColumnSet", ["columns"] = Array(columns) };

    public static JsonObject Column(IEnumerable<JsonNode?> items, string width = "stretch") =>
        new() { ["type"] = "Column", ["width"] = width, ["items"] = Array(items) };

    public static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>
    /// A button that runs <paramref name="verb"/>. Teams gets <c>Action.Execute</c> (Universal Actions); Web Chat and
    /// other channels cannot run it, so they get <c>Action.Submit</c> carrying the same verb and data.
    /// </summary>
    public static JsonObject Action(CardSurface surface, string title, string verb, JsonObject? data = null, string? style = null)
    {
        data ??= [];
        JsonObject action;
        if (surface.UniversalActions)
        {
            action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        }
        else
        {
            var submitData = (JsonObject)data.DeepClone();
            submitData["verb"] = verb;
            action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData };
        }
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    public static JsonObject InputText(string id, string label, string? value = null, string? placeholder = null,
        bool required = false, bool multiline = false, int? maxLength = null, string? error = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = multiline };
        if (value is not null)
        {
            input["value"] = value;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (required) { input["isRequired"] = true; input["errorMessage"] = $"{label} is required."; }
        if (maxLength is not null)
        {
            input["maxLength"] = maxLength;
        }

        return WithError(input, error);
    }

    public static JsonObject InputNumber(string id, string label, string? value, int min, int max, string? placeholder = null, string? error = null)
    {
        var input = new JsonObject { ["type"] = "Input.Number", ["id"] = id, ["label"] = label, ["min"] = min, ["max"] = max };
        if (value is not null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            input["value"] = number;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        return WithError(input, error);
    }

    /// <summary>Buttons inside the body (1.2+), e.g. beside each row of a list.</summary>
    public static JsonObject ActionSet(IEnumerable<JsonNode?> actions, string? spacing = null)
    {
        var set = new JsonObject { ["type"] = "ActionSet", ["actions"] = Array(actions) };
        if (spacing is not null)
        {
            set["spacing"] = spacing;
        }

        return set;
    }

    /// <summary>
    /// A button that sends none of the card's inputs, so required fields elsewhere on the form do not block it
    /// (<c>associatedInputs</c>, Adaptive Cards 1.3+).
    /// </summary>
    public static JsonObject WithoutInputs(JsonObject action)
    {
        action["associatedInputs"] = "none";
        return action;
    }

    public static JsonObject InputDate(string id, string label, string? value, bool required = false, string? error = null)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (value is not null)
        {
            input["value"] = value;
        }

        if (required) { input["isRequired"] = true; input["errorMessage"] = $"{label} is required."; }
        return WithError(input, error);
    }

    public static JsonObject InputTime(string id, string label, string? value, bool required = false, string? error = null)
    {
        var input = new JsonObject { ["type"] = "Input.Time", ["id"] = id, ["label"] = label };
        if (value is not null)
        {
            input["value"] = value;
        }

        if (required) { input["isRequired"] = true; input["errorMessage"] = $"{label} is required."; }
        return WithError(input, error);
    }

    public static JsonObject InputChoice(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value,
        bool filtered = false, string? error = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = filtered ? "filtered" : "compact",
            ["choices"] = Array(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })),
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        return WithError(input, error);
    }

    public static JsonObject InputToggle(string id, string title, bool value) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = id,
        ["title"] = title,
        ["value"] = value ? "true" : "false",
        ["valueOn"] = "true",
        ["valueOff"] = "false",
    };

    /// <summary>Field-level errors are shown as red text under the input, which every renderer supports.</summary>
    private static JsonObject WithError(JsonObject input, string? error) => error is null
        ? input
        : Container([input, Text(error, color: "Attention", size: "Small", spacing: "None")]);

    private static JsonArray Array(IEnumerable<JsonNode?> nodes)
    {
        var array = new JsonArray();
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                array.Add(node);
            }
        }

        return array;
    }
}
