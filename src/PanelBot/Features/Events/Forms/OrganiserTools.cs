using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events.Forms;

/// <summary>
/// The organiser's control panel on their own copy of an event card: a few buttons in view, the rest behind one
/// <c>Action.ShowCard</c>. Renderers allow five actions per row (the Adaptive Cards host config default, which
/// Microsoft's parser checks), so nothing here puts more than five side by side.
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
        if (ev.Status is not (EventStatus.Draft or EventStatus.Published))
        {
            yield break;
        }

        JsonObject Data() => new() { ["event"] = ev.Number };
        var edit = Ac.Action(surface, "Edit details", EventForm.EditVerb, Data());
        var speakers = Ac.Action(surface, "Speakers", SpeakersVerb, Data());
        var runOfShow = Ac.Action(surface, "Run of show", RunOfShowVerb, Data());
        var readings = Ac.Action(surface, "Readings", ReadingsVerb, Data());
        var settings = Ac.Action(surface, "Settings", SettingsVerb, Data());
        var cancel = Ac.Action(surface, "Cancel event", CancelVerb, Data(), style: "destructive");
        if (ev.Status == EventStatus.Draft)
        {
            yield return edit;
            yield return speakers;
            // Publishing posts the card, so the button carries an id that makes a second click post nothing.
            yield return Ac.Action(surface, "Publish", PublishVerb, FormCard.SubmitData(ev), style: "positive");
            yield return ShowCard("More", [Ac.ActionSet([runOfShow, readings, settings, cancel])]);
        }
        else
        {
            // The RSVP buttons come first on a published card; every tool waits behind one button.
            yield return ShowCard("Organise", [Ac.ActionSet([edit, speakers, runOfShow]), Ac.ActionSet([readings, settings, cancel], spacing: "Small")]);
        }
    }

    private static JsonObject ShowCard(string title, IEnumerable<JsonNode?> body) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(body.Where(n => n is not null).ToArray()),
        },
    };
}
