using PanelBot.Cards;
using PanelBot.Conversation;

namespace PanelBot.Features.Help;

/// <summary>The greeting when PanelBot is added to a conversation (or a playground chat starts).</summary>
public sealed class Welcome : IGreeter
{
    public const string HelpVerb = "help";
    public const string DemoVerb = "demo";

    public Task GreetAsync(TurnRequest request, CancellationToken ct) => request.SendAsync(Render(request.Surface), ct);

    public static BotReply Render(CardSurface surface)
    {
        const string text =
            "Hi, I'm PanelBot. I run webinars and panel discussions from this chat: I keep the speakers, " +
            "run of show and readings, take RSVPs, send calendar invitations and reminders, and share the join link " +
            "with confirmed participants a few days before.\n\n" +
            "Type **new** to create an event with a form, **help** for what I can do, or **demo** to see two complete events.";
        var card = Ac.Card(
            [
                Ac.Text("Welcome to PanelBot", size: "Large", weight: "Bolder"),
                Ac.Text("I run webinars and panel discussions from this chat: speakers, run of show and readings, " +
                        "RSVPs with a waitlist, calendar invitations, reminders, and the join link for confirmed participants."),
                Ac.Text("Start with a new event, or look at the demo first.", subtle: true),
            ],
            [
                Ac.Action(surface, "New event", Events.EventForm.NewVerb, style: "positive"),
                Ac.Action(surface, "Show commands", HelpVerb),
                Ac.Action(surface, "Try the demo", DemoVerb),
            ],
            fallbackText: text);
        return new BotReply(text, card);
    }
}
