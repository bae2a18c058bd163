using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events.Forms;

/// <summary>What every organiser form shares: its heading, what just happened, what needs fixing, and the way back.</summary>
public static class FormCard
{
    public static List<JsonNode?> Header(string title, Event ev, string? lead, FormErrors errors)
    {
        var body = new List<JsonNode?>
        {
            Ac.Text($"{ev.Reference} · {ev.Title}", size: "Small", subtle: true, weight: "Bolder"),
            Ac.Text(title, size: "Large", weight: "Bolder", spacing: "None"),
        };
        if (lead is not null)
        {
            body.Add(Ac.Text(lead, color: "Good", weight: "Bolder"));
        }

        if (errors.ByInput.Count > 0)
        {
            body.Add(Ac.Text("Please fix the fields marked below.", color: "Attention", weight: "Bolder"));
        }

        foreach (var message in errors.General)
        {
            body.Add(Ac.Text(message, color: "Attention"));
        }

        return body;
    }

    /// <summary>Back to the event card without changing anything.</summary>
    public static JsonObject Done(CardSurface surface, Event ev, string title = "Back to the event") =>
        Ac.WithoutInputs(Ac.Action(surface, title, EventCard.RefreshVerb, new JsonObject { ["event"] = ev.Number }));

    /// <summary>The data a form's submit button carries: the event and a fresh id that makes the submit act once.</summary>
    public static JsonObject SubmitData(Event ev, JsonObject? extra = null)
    {
        var data = extra ?? [];
        data["event"] = ev.Number;
        data[CardSubmissions.Key] = CardSubmissions.NewId();
        return data;
    }

    /// <summary>The reply for a form: the card, and a text twin that lists the problems.</summary>
    public static BotReply Reply(JsonObject card, string text, FormErrors errors)
    {
        if (errors.Any)
        {
            text += "\n" + string.Join("\n", errors.All.Select(e => "- " + e));
        }

        return new BotReply(text, card) { Errors = errors.All.Select(e => new Domain.FieldError("form", e)).ToList() };
    }

    public static string? Text(JsonObject data, string key)
    {
        var node = data[key];
        var text = node is JsonValue value ? value.ToString() : node?.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static int? Int(JsonObject data, string key) =>
        Text(data, key) is { } text && int.TryParse(text.TrimStart('#'), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
