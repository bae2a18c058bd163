using System.Globalization;
using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Features.Events.Forms;

/// <summary>The run of show in order, with the fit check, buttons to move or remove each segment, and a form to add one.</summary>
public static class RunOfShowForm
{
    public const string AddVerb = "addSegment";
    public const string MoveVerb = "moveSegment";
    public const string RemoveVerb = "removeSegment";

    public static BotReply Render(CardSurface surface, Event ev, JsonObject? values, FormErrors errors, string? lead = null)
    {
        var body = FormCard.Header("Run of show", ev, lead, errors);
        var check = ev.CheckRunOfShow();
        var fit = check.Fit == RunOfShowFit.Empty ? "No segments yet." : check.Message;
        body.Add(Ac.Text($"The event lasts {ev.LengthMinutes} min. {fit}",
            color: check.Fit == RunOfShowFit.Overruns ? "Attention" : null, weight: "Bolder"));
        for (var i = 0; i < ev.Segments.Count; i++)
        {
            var segment = ev.Segments[i];
            var position = i + 1;
            JsonObject Data(JsonObject extra)
            {
                // Each button acts once: a second click on "Remove 1" must not remove the next segment too.
                return FormCard.SubmitData(ev, extra);
            }
            var buttons = new List<JsonNode?>();
            if (position > 1)
            {
                buttons.Add(Ac.WithoutInputs(Ac.Action(surface, $"Move {position} up", MoveVerb, Data(new() { ["from"] = position, ["to"] = position - 1 }))));
            }

            if (position < ev.Segments.Count)
            {
                buttons.Add(Ac.WithoutInputs(Ac.Action(surface, $"Move {position} down", MoveVerb, Data(new() { ["from"] = position, ["to"] = position + 1 }))));
            }

            buttons.Add(Ac.WithoutInputs(Ac.Action(surface, $"Remove {position}", RemoveVerb, Data(new() { ["position"] = position }), style: "destructive")));
            body.Add(Ac.Container(
            [
                Ac.Text($"**{position}. {segment.Title}** · {segment.Minutes} min" + (segment.Lead is { } l ? $" · {l}" : "")),
                Ac.ActionSet(buttons, spacing: "Small"),
            ], separator: true));
        }
        values ??= [];
        var leads = ev.Speakers.OrderBy(s => s.Order).Select(s => s.Name).ToList();
        body.Add(Ac.Heading("Add a segment at the end"));
        body.AddRange(
        [
            Ac.InputText("title", "Title", FormCard.Text(values, "title"), "Case study: the DRC", required: true, maxLength: 200, error: errors.For("title")),
            Ac.InputNumber("minutes", "Minutes", FormCard.Text(values, "minutes"), 1, Segment.MaxMinutes, "15", error: errors.For("minutes")),
            Ac.InputText("lead", "Led by", FormCard.Text(values, "lead"), leads.Count > 0 ? string.Join(", ", leads.Take(3)) : "A speaker's name",
                error: errors.For("lead")),
        ]);
        var actions = new[] { Ac.Action(surface, "Add segment", AddVerb, FormCard.SubmitData(ev), style: "positive"), FormCard.Done(surface, ev) };
        var text = $"Run of show of {ev.Reference}:\n" +
                   string.Concat(ev.Segments.Select((s, i) => $"{i + 1}. {s.Title} ({s.Minutes} min)\n")) + check.Message +
                   $"\nAdd one with `segment {ev.Reference} add \"TITLE\" MINUTES`.";
        return FormCard.Reply(Ac.Card(body, actions), text, errors);
    }

    public static (Segment? Segment, FormErrors Errors) Read(JsonObject data)
    {
        var errors = new Dictionary<string, string>();
        var minutesText = FormCard.Text(data, "minutes");
        int minutes = 0;
        if (minutesText is null)
        {
            errors["minutes"] = "How many minutes does it take?";
        }
        else if (!double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || m != Math.Floor(m))
        {
            errors["minutes"] = $"'{minutesText}' is not a number of minutes: give a whole number.";
        }
        else
        {
            minutes = (int)Math.Clamp(m, int.MinValue, int.MaxValue);
        }

        var segment = new Segment { Title = FormCard.Text(data, "title") ?? "", Minutes = minutes, Lead = FormCard.Text(data, "lead") };
        if (!errors.ContainsKey("minutes"))
        {
            Probe("minutes", segment with { Title = "x", Lead = null });
        }

        Probe("title", segment with { Minutes = 1, Lead = null });
        Probe("lead", segment with { Title = "x", Minutes = 1 });
        return errors.Count > 0 ? (null, new FormErrors(errors, [])) : (segment, FormErrors.None);

        // The domain's own check (Segment.Validate) on one field at a time places each message under its input.
        void Probe(string input, Segment probe)
        {
            if (probe.Validate().FirstOrDefault() is { } error)
            {
                errors.TryAdd(input, error.Message);
            }
        }
    }

    public static FormErrors FromDomain(IEnumerable<FieldError> errors) => FormErrors.From(errors, _ => null);
}
