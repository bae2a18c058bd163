using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Features.Events.Forms;

/// <summary>Readings before the event (on the card) and after it (in the follow-up), each removable, and a form to add one.</summary>
public static class ReadingsForm
{
    public const string AddVerb = "addReading";
    public const string RemoveVerb = "removeReading";
    public const string ReadingKey = "reading";

    private static readonly (string Title, string Value)[] Kinds =
        [("Report", "report"), ("Policy brief", "policy-brief"), ("Article", "article"), ("Summary report", "summary-report"), ("Recording", "recording"), ("Other", "other")];

    public static BotReply Render(CardSurface surface, Event ev, JsonObject? values, FormErrors errors, string? lead = null)
    {
        var body = FormCard.Header("Readings", ev, lead, errors);
        foreach (var (timing, heading) in new[] { (ReadingTiming.Before, "Before the event (on the card)"), (ReadingTiming.After, "After the event (in the follow-up)") })
        {
            var list = ev.Readings.Where(r => r.Timing == timing).ToList();
            body.Add(Ac.Text(heading, weight: "Bolder", spacing: "Medium"));
            if (list.Count == 0)
            {
                body.Add(Ac.Text("None yet.", subtle: true, spacing: "None"));
            }

            foreach (var reading in list)
            {
                body.Add(Ac.Container(
                [
                    Ac.Text($"[{reading.Title.Replace("[", "\\[").Replace("]", "\\]")}]({reading.Url})" + (reading.Author is { } a ? $" ({a})" : "")),
                    Ac.ActionSet([Ac.WithoutInputs(Ac.Action(surface, $"Remove \"{reading.Title}\"", RemoveVerb,
                        FormCard.SubmitData(ev, new JsonObject { [ReadingKey] = reading.Title }), style: "destructive"))], spacing: "Small"),
                ], separator: true));
            }
        }
        values ??= [];
        string? V(string key) => FormCard.Text(values, key);
        body.Add(Ac.Heading("Add a reading"));
        body.AddRange(
        [
            Ac.InputText("title", "Title", V("title"), "Peace operations and humanitarian space", required: true, maxLength: 200, error: errors.For("title")),
            Ac.InputText("url", "Address", V("url"), "https://", required: true, error: errors.For("url")),
            Ac.InputText("author", "Author or publisher", V("author"), "NUPI", error: errors.For("author")),
            Ac.InputChoice("kind", "Kind", Kinds, V("kind") ?? "report", error: errors.For("kind")),
            Ac.InputChoice("timing", "When", [("Before the event (on the card)", "before"), ("After the event (in the follow-up)", "after")],
                V("timing") ?? "before", error: errors.For("timing")),
        ]);
        var actions = new[] { Ac.Action(surface, "Add reading", AddVerb, FormCard.SubmitData(ev), style: "positive"), FormCard.Done(surface, ev) };
        var text = $"Readings of {ev.Reference}: " +
                   (ev.Readings.Count == 0 ? "none yet" : string.Join("; ", ev.Readings.Select(r => $"{r.Title} ({r.Timing.ToString().ToLowerInvariant()})"))) +
                   $". Add one with `reading {ev.Reference} add \"TITLE\" URL`.";
        return FormCard.Reply(Ac.Card(body, actions), text, errors);
    }

    public static (Reading? Reading, FormErrors Errors) Read(JsonObject data)
    {
        var errors = new Dictionary<string, string>();
        var kindText = FormCard.Text(data, "kind") ?? "report";
        if (!Reading.TryParseKind(kindText, out var kind))
        {
            errors["kind"] = $"'{kindText}' is not a kind of reading: use {string.Join(", ", Reading.KindNames)}.";
        }

        var timing = FormCard.Text(data, "timing")?.ToLowerInvariant() switch
        {
            null or "before" => ReadingTiming.Before,
            "after" => ReadingTiming.After,
            _ => (ReadingTiming?)null,
        };
        if (timing is null)
        {
            errors["timing"] = "Pick before or after the event.";
        }

        var reading = new Reading
        {
            Title = FormCard.Text(data, "title") ?? "",
            Url = FormCard.Text(data, "url") ?? "",
            Author = FormCard.Text(data, "author"),
            Kind = kind ?? ReadingKind.Report,
            Timing = timing ?? ReadingTiming.Before,
        };
        // The domain's own check (Reading.Validate) on one field at a time places each message under its input.
        var valid = new Reading { Title = "x", Url = "https://example.org/" };
        foreach (var (input, probe) in new[] { ("title", valid with { Title = reading.Title }), ("url", valid with { Url = reading.Url }), ("author", valid with { Author = reading.Author }) })
        {
            if (probe.Validate().FirstOrDefault() is { } error)
            {
                errors.TryAdd(input, error.Message);
            }
        }

        return errors.Count > 0 ? (null, new FormErrors(errors, [])) : (reading, FormErrors.None);
    }

    /// <summary>The one whole-reading refusal is a duplicate address.</summary>
    public static FormErrors FromDomain(IEnumerable<FieldError> errors) =>
        FormErrors.From(errors, e => e.Message.Contains("already in the readings", StringComparison.Ordinal) ? "url" : null);
}
