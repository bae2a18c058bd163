using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events;

/// <summary>Shows the event forms and applies what they submit; invalid input comes back as the form with errors.</summary>
public sealed class EventFormHandler(EventActions actions, TimeProvider clock)
{
    public async Task<BotReply> HandleAsync(TurnRequest request, string verb, JsonObject data, DateTimeZone zone, CancellationToken ct)
    {
        switch (verb)
        {
            case EventForm.NewVerb:
                return Form(request, null, null, [], zone);
            case EventForm.CreateVerb:
            {
                var read = EventForm.Read(data, null, zone.Id);
                if (!read.IsSuccess) return Form(request, null, null, read.Errors, zone, "Some fields need another look.");
                var reply = await actions.CreateAsync(request, read.Value!, ct);
                return reply.Card is null ? Form(request, read.Value, null, ErrorsOf(reply), zone, reply.Text) : reply;
            }
            case EventForm.EditVerb:
            case EventForm.SaveVerb:
            {
                var number = data["event"]?.GetValue<int>();
                var ev = number is null ? null : await actions.FindAsync(EventRef.ForNumber(number.Value), ct);
                if (ev is null) return "I can't find that event any more. Type `events` to see the events you can use.";
                var allowed = ev.CheckCanEdit(request.UserId);
                if (!allowed.IsSuccess) return allowed.ErrorMessage;
                if (verb == EventForm.EditVerb) return Form(request, ev.Details, ev.Number, [], zone);
                var read = EventForm.Read(data, ev.Details, ev.TimeZoneId);
                if (!read.IsSuccess) return Form(request, ev.Details, ev.Number, read.Errors, zone, "Some fields need another look.");
                var update = ev.Update(read.Value!, clock);
                if (!update.IsSuccess) return Form(request, read.Value, ev.Number, update.Errors, zone, "Nothing was saved yet.");
                return await actions.EditAsync(request, ev, _ => update, $"Saved {ev.Reference}.", ct);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a form verb.");
        }
    }

    private static BotReply Form(TurnRequest request, EventDetails? details, int? number, IReadOnlyList<Domain.FieldError> errors,
        DateTimeZone zone, string? lead = null)
    {
        var text = lead ?? (number is null ? "Fill in the new event." : $"Edit #{number}.");
        if (errors.Count > 0) text += "\n" + string.Join("\n", errors.Select(e => "- " + e.Message));
        return new BotReply(text, EventForm.Render(request.Surface, details, number, errors, zone.Id)) { Lead = lead };
    }

    private static IReadOnlyList<Domain.FieldError> ErrorsOf(BotReply reply) => reply.Errors;
}
