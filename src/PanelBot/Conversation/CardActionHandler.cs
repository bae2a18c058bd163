using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Cards;
using PanelBot.Conversation.Routing;
using PanelBot.Diagnostics;

namespace PanelBot.Conversation;

/// <summary>
/// Card buttons and forms. Teams sends <c>Action.Execute</c> as an <c>adaptiveCard/action</c> invoke and gets the
/// refreshed card back in the invoke response; Web Chat sends <c>Action.Submit</c> as a message whose value carries
/// the same verb, and gets the card as a new message.
/// </summary>
public sealed class CardActionHandler(RouteTable routes, IServiceProvider services, IUserZones zones)
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
        var route = routes.ForVerb(verb);
        PanelBotTelemetry.TagVerb(verb, known: route is not null);
        if (route is null)
        {
            return CardVerb.OutOfDate;
        }

        var zone = await zones.ZoneOfAsync(request, ct);
        return await route.Run(services, request, verb, data, zone, ct);
    }

    /// <summary>
    /// An invoke response carries only the card, so the sentence that would stand above it goes on top. The reply was
    /// drawn for this answer alone, so its card is changed in place rather than copied.
    /// </summary>
    private static JsonObject WithLead(JsonObject card, BotReply reply)
    {
        if (reply.Lead is null && reply.Notes.Count == 0)
        {
            return card;
        }

        var body = (JsonArray)card["body"]!;
        var lines = new[] { reply.Lead }.Concat(reply.Notes.Select(n => "Note: " + n)).Where(l => l is not null);
        body.Insert(0, Ac.Text(string.Join("\n\n", lines), color: "Good", weight: "Bolder"));
        return card;
    }
}
