using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Features.Events.Forms;

namespace PanelBot.Features.Events;

/// <summary>Shows the event forms and applies what they submit; invalid input comes back as the form with errors.</summary>
public sealed class EventFormHandler(EventActions actions, EventLookup lookup, CardSubmissions submissions, TimeProvider clock)
{
    public async Task<BotReply> HandleAsync(TurnRequest request, string verb, JsonObject data, DateTimeZone zone, CancellationToken ct)
    {
        switch (verb)
        {
            case EventForm.NewVerb:
                return NewForm(request, KindOf(data), zone);
            case EventForm.CreateVerb:
                {
                    var submission = FormCard.Text(data, CardSubmissions.Key);
                    var (first, created) = await submissions.ClaimAsync(submission, request.UserId, null, ct);
                    if (!first)
                    {
                        return await AlreadyCreatedAsync(request, created, ct);
                    }

                    var reply = await CreateAsync(request, data, zone, ct);
                    if (reply.Card is null || reply.Errors.Count > 0 || NumberIn(reply) is not { } number)
                    {
                        await submissions.ReleaseAsync(submission, ct);
                    }
                    else
                    {
                        await submissions.CompleteAsync(submission, number, ct);
                    }

                    return reply;
                }
            case EventForm.EditVerb:
            case EventForm.SaveVerb:
                {
                    var found = await lookup.ForOrganiserAsync(request, FormCard.Int(data, "event"), ct);
                    if (found.Event is not { } ev)
                    {
                        return found.Refusal!;
                    }

                    if (verb == EventForm.EditVerb)
                    {
                        return Form(request, ev.Details, ev.Number, [], zone);
                    }

                    var submission = FormCard.Text(data, CardSubmissions.Key);
                    var (first, _) = await submissions.ClaimAsync(submission, request.UserId, ev.Number, ct);
                    if (!first)
                    {
                        return await actions.ShowAsync(request, ev, ct, lead: "That was already saved; nothing changed twice.");
                    }

                    var saved = await SaveAsync(request, ev, data, zone, ct);
                    if (saved.Errors.Count > 0)
                    {
                        await submissions.ReleaseAsync(submission, ct);
                    }

                    return saved;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a form verb.");
        }
    }

    private async Task<BotReply> CreateAsync(TurnRequest request, JsonObject data, DateTimeZone zone, CancellationToken ct)
    {
        var read = EventForm.Read(data, null, zone.Id);
        if (!read.IsSuccess)
        {
            return Form(request, null, null, read.Errors, zone, "Some fields need another look.", data);
        }

        var reply = await actions.CreateAsync(request, read.Value!, ct);
        return reply.Card is null ? Form(request, read.Value, null, ErrorsOf(reply), zone, reply.Text) : reply;
    }

    private async Task<BotReply> SaveAsync(TurnRequest request, Event ev, JsonObject data, DateTimeZone zone, CancellationToken ct)
    {
        var read = EventForm.Read(data, ev.Details, ev.TimeZoneId);
        if (!read.IsSuccess)
        {
            return Form(request, ev.Details, ev.Number, read.Errors, zone, "Some fields need another look.", data);
        }

        var update = ev.Update(read.Value!, clock);
        if (!update.IsSuccess)
        {
            return Form(request, read.Value, ev.Number, update.Errors, zone, "Nothing was saved yet.");
        }

        // Made already on this event (to answer with the form's errors); made again on the event as saved by someone else
        // when the save has to be retried.
        return await actions.EditAsync(request, ev, e => ReferenceEquals(e, ev) ? update : e.Update(read.Value!, clock), $"Saved {ev.Reference}.", ct);
    }

    /// <summary>The empty new-event form, with the kind chosen when the user said it (<c>new panel</c>).</summary>
    public static BotReply NewForm(TurnRequest request, EventKind? kind, DateTimeZone zone)
    {
        var what = kind is null ? "event" : kind.Value.ToString().ToLowerInvariant();
        var text = $"Fill in the new {what} and press Create. Or type it in one line: new {(kind?.ToString().ToLowerInvariant() ?? "webinar")} \"TITLE\" 2026-09-09 15:00-16:30 {zone.Id}";
        var card = EventForm.Render(request.Surface, null, null, [], zone.Id, kind);
        return new BotReply(text, card) { Lead = request.Surface.Cards ? $"Fill in the new {what} and press Create." : null };
    }

    private async Task<BotReply> AlreadyCreatedAsync(TurnRequest request, int? number, CancellationToken ct)
    {
        var ev = number is null ? null : await lookup.FindAsync(EventRef.ForNumber(number.Value), ct);
        return ev is null
            ? "That form was already sent and is being handled; it creates only one event. Type `events` to see it."
            : await actions.ShowAsync(request, ev, ct, lead: $"That form already created {ev.Reference}; here it is (nothing was created twice).");
    }

    private static EventKind? KindOf(JsonObject data) => FormCard.Text(data, "kind")?.ToLowerInvariant() switch
    {
        "webinar" => EventKind.Webinar,
        "panel" => EventKind.Panel,
        _ => null,
    };

    private static int? NumberIn(BotReply reply) =>
        System.Text.RegularExpressions.Regex.Match(reply.Text, @"Created #(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The form again: with <paramref name="typed"/> (the submitted values) when reading them failed, so nothing typed is lost.</summary>
    private static BotReply Form(TurnRequest request, EventDetails? details, int? number, IReadOnlyList<Domain.FieldError> errors,
        DateTimeZone zone, string? lead = null, JsonObject? typed = null)
    {
        var text = lead ?? (number is null ? "Fill in the new event." : $"Edit #{number}.");
        if (errors.Count > 0)
        {
            text += "\n" + string.Join("\n", errors.Select(e => "- " + e.Message));
        }

        var card = EventForm.Render(request.Surface, details, number, errors, zone.Id);
        if (typed is not null)
        {
            KeepTyped(card, typed);
        }

        return new BotReply(text, card) { Lead = lead, Errors = errors.Count > 0 || lead is null ? errors : [new Domain.FieldError("form", lead)] };
    }

    /// <summary>Puts back what the user typed into each input, even values that could not be read (a date that does not exist).</summary>
    private static void KeepTyped(JsonNode? node, JsonObject typed)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["id"] is JsonValue id && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true
                    && FormCard.Text(typed, id.GetValue<string>()) is { } value)
                {
                    o["value"] = value;
                }

                foreach (var (_, child) in o.ToList())
                {
                    KeepTyped(child, typed);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    KeepTyped(child, typed);
                }

                break;
        }
    }

    private static IReadOnlyList<Domain.FieldError> ErrorsOf(BotReply reply) => reply.Errors;
}
