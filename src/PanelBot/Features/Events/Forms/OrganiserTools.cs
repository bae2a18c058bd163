using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events.Forms;

/// <summary>
/// The organiser's control panel on their own copy of an event card: a few buttons in view, the rest in the card's
/// overflow menu (<c>mode: secondary</c>, Adaptive Cards 1.5, which Teams and Web Chat show behind "…").
/// </summary>
public static class OrganiserTools
{
    public const string PublishVerb = "publishEvent";
    public const string SpeakersVerb = "speakersForm";
    public const string RunOfShowVerb = "runOfShowForm";
    public const string ReadingsVerb = "readingsForm";
    public const string SettingsVerb = "settingsForm";
    public const string CancelVerb = "cancelForm";

    public static IEnumerable<JsonObject> Actions(Event ev, CardSurface surface)
    {
        if (ev.Status is not (EventStatus.Draft or EventStatus.Published)) yield break;
        var data = () => new JsonObject { ["event"] = ev.Number };
        var draft = ev.Status == EventStatus.Draft;
        // On a published card the RSVP buttons come first, so every tool goes to the overflow menu.
        var inView = draft ? null : "secondary";
        yield return Mode(Ac.Action(surface, "Edit details", EventForm.EditVerb, data()), inView);
        yield return Mode(Ac.Action(surface, "Speakers", SpeakersVerb, data()), inView);
        // Publishing posts the card, so the button carries an id that makes a second click post nothing.
        if (draft) yield return Ac.Action(surface, "Publish", PublishVerb, FormCard.SubmitData(ev), style: "positive");
        yield return Mode(Ac.Action(surface, "Run of show", RunOfShowVerb, data()), "secondary");
        yield return Mode(Ac.Action(surface, "Readings", ReadingsVerb, data()), "secondary");
        yield return Mode(Ac.Action(surface, "Settings", SettingsVerb, data()), "secondary");
        yield return Mode(Ac.Action(surface, "Cancel event", CancelVerb, data(), style: "destructive"), "secondary");
    }

    private static JsonObject Mode(JsonObject action, string? mode)
    {
        if (mode is not null) action["mode"] = mode;
        return action;
    }
}
