using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.BotFramework;
using PanelBot.Cards;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.Events.Forms;
using PanelBot.Features.Help;
using PanelBot.Features.Operations;
using PanelBot.Features.Rsvp;

namespace PanelBot.Conversation;

/// <summary>
/// Card buttons and forms. Teams sends <c>Action.Execute</c> as an <c>adaptiveCard/action</c> invoke and gets the
/// refreshed card back in the invoke response; Web Chat sends <c>Action.Submit</c> as a message whose value carries
/// the same verb, and gets the card as a new message.
/// </summary>
public sealed class CardActionHandler(
    CommandHandler commands,
    EventActions actions,
    EventFormHandler forms,
    OrganiserFormHandler organiserForms,
    RsvpHandler rsvp)
{
    public async Task HandleExecuteAsync(TurnRequest request, CancellationToken ct)
    {
        if (request.Activity.Value?["action"] is not JsonObject action)
        {
            request.Turn.SetInvokeResponse(new InvokeResponse(400, CardInvokeResponses.Error(400, "BadRequest", "The invoke has no action.").Body));
            return;
        }
        if (action["type"]?.GetValue<string>() != "Action.Execute")
        {
            request.Turn.SetInvokeResponse(new InvokeResponse(400,
                CardInvokeResponses.Error(400, "NotSupported", "Only Action.Execute is supported here.").Body));
            return;
        }
        var verb = action["verb"]?.GetValue<string>() ?? "";
        var data = action["data"] as JsonObject ?? [];
        var reply = await RunAsync(request, verb, data, ct);
        request.Turn.SetInvokeResponse(reply.Card is { } card
            ? CardInvokeResponses.Card(WithLead(card, reply))
            : CardInvokeResponses.Message(reply.Text));
    }

    public async Task HandleSubmitAsync(TurnRequest request, JsonObject value, CancellationToken ct)
    {
        var verb = value["verb"]?.GetValue<string>() ?? "";
        await request.SendAsync(await RunAsync(request, verb, value, ct), ct);
    }

    private async Task<BotReply> RunAsync(TurnRequest request, string verb, JsonObject data, CancellationToken ct)
    {
        PanelBotTelemetry.TagVerb(verb);
        var zone = await commands.UserZoneAsync(request, ct);
        switch (verb)
        {
            case Welcome.HelpVerb:
                return HelpReply.Render(null, request.Surface);
            case Welcome.DemoVerb:
                return await commands.ExecuteAsync(request, new DemoCommand(), zone, ct);
            case EventCard.RsvpVerb when EventNumber(data) is { } number && ParseAnswer(data["answer"]) is { } answer:
                return await rsvp.AnswerAsync(request, EventRef.ForNumber(number), answer, null, ct);
            case EventCard.RefreshVerb when EventNumber(data) is { } number:
                var ev = await actions.FindAsync(request, EventRef.ForNumber(number), ct);
                return ev is null ? EventActions.NotFound(EventRef.ForNumber(number)) : await actions.ShowAsync(request, ev, ct);
            case RsvpHandler.ForgetVerb:
                return await rsvp.ForgetAsync(request, confirmed: true, ct);
            case EventForm.NewVerb:
            case EventForm.CreateVerb:
            case EventForm.EditVerb:
            case EventForm.SaveVerb:
                return await forms.HandleAsync(request, verb, data, zone, ct);
            case var _ when OrganiserFormHandler.Verbs.Contains(verb):
                return await organiserForms.HandleAsync(request, verb, data, ct);
            default:
                return "That button is out of date or not for me. Type `help` to see what I can do.";
        }
    }

    private static int? EventNumber(JsonObject data) => data["event"] switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when int.TryParse(v.ToString().TrimStart('#'), out var n) => n,
        _ => null,
    };

    private static RsvpAnswer? ParseAnswer(JsonNode? node) => node?.ToString().ToLowerInvariant() switch
    {
        "going" or "yes" => RsvpAnswer.Going,
        "maybe" => RsvpAnswer.Maybe,
        "no" or "notgoing" or "cantgo" => RsvpAnswer.No,
        _ => null,
    };

    /// <summary>An invoke response carries only the card, so the sentence that would stand above it goes on top.</summary>
    private static JsonObject WithLead(JsonObject card, BotReply reply)
    {
        if (reply.Lead is null && reply.Notes.Count == 0) return card;
        var copy = (JsonObject)card.DeepClone();
        var body = (JsonArray)copy["body"]!;
        var lines = new[] { reply.Lead }.Concat(reply.Notes.Select(n => "Note: " + n)).Where(l => l is not null);
        body.Insert(0, Ac.Text(string.Join("\n\n", lines), color: "Good", weight: "Bolder"));
        return copy;
    }
}
