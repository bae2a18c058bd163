using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Text;

namespace PanelBot.Features.Events.Forms;

/// <summary>Asks before cancelling, with an optional reason that goes to everyone who answered.</summary>
public static class CancelForm
{
    public const string ConfirmVerb = "cancelEvent";

    public static BotReply Render(CardSurface surface, Event ev, string? reason, FormErrors errors, int answered)
    {
        var body = FormCard.Header($"Cancel {ev.Reference}?", ev, null, errors);
        body.Add(Ac.Text(ev.Status == EventStatus.Draft
            ? "The draft is closed for good: nobody has been invited yet."
            : $"{(answered == 1 ? "The 1 person" : $"All {answered} people")} who answered get a cancellation by chat and email, and their calendars drop it. This cannot be undone."));
        body.Add(Ac.InputText("reason", "Reason (shown on the card and in the cancellation)", reason, "The speaker is ill; we will announce a new date.",
            maxLength: TextRules.MaxSummaryLength, error: errors.For("reason")));
        var actions = new[]
        {
            Ac.Action(surface, "Cancel the event", ConfirmVerb, FormCard.SubmitData(ev, new JsonObject { ["confirm"] = "yes" }), style: "destructive"),
            FormCard.Done(surface, ev, "Keep it"),
        };
        return FormCard.Reply(Ac.Card(body, actions),
            $"Cancel {ev.Reference}? Use the button, or type `cancel {ev.Reference} REASON`.", errors);
    }
}
