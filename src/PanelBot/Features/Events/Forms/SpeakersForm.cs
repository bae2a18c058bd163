using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Features.People;

namespace PanelBot.Features.Events.Forms;

/// <summary>The speakers of an event with Edit and Remove beside each, and a form to add one (or edit the one picked).</summary>
public static class SpeakersForm
{
    public const string AddVerb = "addSpeaker";
    public const string EditVerb = "speakerForm";
    public const string SaveVerb = "saveSpeaker";
    public const string RemoveVerb = "removeSpeaker";

    /// <summary>The data key naming the speaker a button is about (their name as it is now).</summary>
    public const string SpeakerKey = "speaker";

    public static BotReply Render(CardSurface surface, Event ev, JsonObject? values, string? editing, FormErrors errors, string? lead = null)
    {
        var body = FormCard.Header(editing is null ? "Speakers" : $"Edit {editing}", ev, lead, errors);
        if (editing is null)
        {
            var speakers = ev.Speakers.OrderBy(s => s.Order).ToList();
            if (speakers.Count == 0)
            {
                body.Add(Ac.Text("No speakers yet.", subtle: true));
            }

            foreach (var speaker in speakers)
            {
                var who = new JsonObject { ["event"] = ev.Number, [SpeakerKey] = speaker.Name };
                var details = string.Join(" · ", new[] { speaker.JobTitle, speaker.Affiliation, speaker.Topic, speaker.TimeZoneId }.Where(d => d is not null));
                body.Add(Ac.Container(
                [
                    Ac.Text($"**{speaker.Name}** · {SpeakerRoles.Label(speaker.Role)} · {speaker.Status.ToString().ToLowerInvariant()}"),
                    details.Length > 0 ? Ac.Text(details, subtle: true, spacing: "None") : null,
                    Ac.ActionSet(
                    [
                        Ac.WithoutInputs(Ac.Action(surface, $"Edit {speaker.Name}", EditVerb, (JsonObject)who.DeepClone())),
                        Ac.WithoutInputs(Ac.Action(surface, $"Remove {speaker.Name}", RemoveVerb, FormCard.SubmitData(ev, (JsonObject)who.DeepClone()), style: "destructive")),
                    ], spacing: "Small"),
                ], separator: true));
            }
            body.Add(Ac.Heading("Add a speaker"));
        }
        values ??= [];
        string? V(string key) => FormCard.Text(values, key);
        body.AddRange(
        [
            Ac.InputText("name", "Name", V("name"), "Cedric de Coning", required: true, maxLength: Speaker.MaxNameLength, error: errors.For("name")),
            Ac.InputChoice("role", "Role", SpeakerRoles.DisplayOrder.Select(r => (SpeakerRoles.Label(r), r.ToString().ToLowerInvariant())),
                V("role") ?? "panellist", error: errors.For("role")),
            Ac.InputText("affiliation", "Affiliation", V("affiliation"), "ACCORD and NUPI", error: errors.For("affiliation")),
            Ac.InputText("jobTitle", "Job title", V("jobTitle"), "Senior Research Fellow", error: errors.For("jobTitle")),
            Ac.InputText("topic", "Topic", V("topic"), "on the DRC", error: errors.For("topic")),
            Ac.InputText("email", "Email (for the speaker briefing; never shown on the card)", V("email"), "name@example.org", error: errors.For("email")),
            Ac.InputText("zone", "Where they are (time zone; empty: the one their Teams reports)", V("zone"), "America/New_York", error: errors.For("zone")),
            Ac.InputChoice("status", "Status", [("Invited", "invited"), ("To be confirmed", "tbc"), ("Confirmed", "confirmed"), ("Declined", "declined")],
                V("status") ?? "invited", error: errors.For("status")),
        ]);
        var actions = editing is null
            ? new[] { Ac.Action(surface, "Add speaker", AddVerb, FormCard.SubmitData(ev), style: "positive"), FormCard.Done(surface, ev) }
            : [
                Ac.Action(surface, "Save speaker", SaveVerb, FormCard.SubmitData(ev, new JsonObject { [SpeakerKey] = editing }), style: "positive"),
                Ac.WithoutInputs(Ac.Action(surface, "Back to the speakers", OrganiserTools.SpeakersVerb, new JsonObject { ["event"] = ev.Number })),
            ];
        var text = editing is null
            ? $"Speakers of {ev.Reference}: {(ev.Speakers.Count == 0 ? "none yet" : string.Join("; ", ev.Speakers.OrderBy(s => s.Order).Select(s => s.ToString())))}. " +
              $"Add one with `speaker {ev.Reference} add \"NAME\" ROLE`."
            : $"Edit {editing} on {ev.Reference}.";
        return FormCard.Reply(Ac.Card(body, actions), text, errors);
    }

    /// <summary>The values of an existing speaker, to prefill the edit form.</summary>
    public static JsonObject ValuesOf(Speaker s) => new()
    {
        ["name"] = s.Name,
        ["role"] = s.Role.ToString().ToLowerInvariant(),
        ["affiliation"] = s.Affiliation,
        ["jobTitle"] = s.JobTitle,
        ["topic"] = s.Topic,
        ["email"] = s.Email,
        ["zone"] = s.TimeZoneId,
        ["status"] = s.Status.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads the submitted speaker with the text command's words for roles and statuses.</summary>
    public static (Speaker? Speaker, FormErrors Errors) Read(JsonObject data)
    {
        var errors = new Dictionary<string, string>();
        var roleText = FormCard.Text(data, "role");
        if (!SpeakerRoles.TryParse(roleText, out var role))
        {
            errors["role"] = roleText is null ? "Pick the speaker's role." : $"'{roleText}' is not a role: pick one from the list.";
        }

        var statusText = FormCard.Text(data, "status") ?? "invited";
        if (!SpeakerRoles.TryParseStatus(statusText, out var status))
        {
            errors["status"] = $"'{statusText}' is not a speaker status: use invited, tbc, confirmed or declined.";
        }

        var speaker = new Speaker
        {
            Name = FormCard.Text(data, "name") ?? "",
            Role = role ?? SpeakerRole.Panellist,
            Affiliation = FormCard.Text(data, "affiliation"),
            JobTitle = FormCard.Text(data, "jobTitle"),
            Topic = FormCard.Text(data, "topic"),
            Email = FormCard.Text(data, "email"),
            TimeZoneId = FormCard.Text(data, "zone"),
            Status = status ?? SpeakerStatus.Invited,
        };
        foreach (var (input, message) in Place(speaker))
        {
            errors.TryAdd(input, message);
        }

        if (speaker.Email is { } typed && !errors.ContainsKey("email"))
        {
            // Checked as mail will be sent, so the briefing never fails on it later.
            if (EmailEntry.TryAccept(typed, out var usable))
            {
                speaker = speaker with { Email = usable };
            }
            else
            {
                errors["email"] = EmailEntry.Refusal;
            }
        }
        return errors.Count > 0 ? (null, new FormErrors(errors, [])) : (speaker, FormErrors.None);
    }

    /// <summary>
    /// The domain's own checks (<see cref="Speaker.Validate"/>) run on each field alone, so every message lands under the
    /// input it is about.
    /// </summary>
    private static IEnumerable<(string Input, string Message)> Place(Speaker speaker)
    {
        var blank = new Speaker { Name = "x", Role = speaker.Role };
        var probes = new (string Input, Speaker Probe)[]
        {
            ("name", blank with { Name = speaker.Name }),
            ("affiliation", blank with { Affiliation = speaker.Affiliation }),
            ("jobTitle", blank with { JobTitle = speaker.JobTitle }),
            ("topic", blank with { Topic = speaker.Topic }),
            ("email", blank with { Email = speaker.Email }),
            ("zone", blank with { TimeZoneId = speaker.TimeZoneId }),
        };
        foreach (var (input, probe) in probes)
        {
            if (probe.Validate().FirstOrDefault() is { } error)
            {
                yield return (input, error.Message);
            }
        }
    }

    /// <summary>Domain refusals of the whole change (a duplicate name, the limit) go under the name.</summary>
    public static FormErrors FromDomain(IEnumerable<FieldError> errors) =>
        FormErrors.From(errors, e => e.Field == EventFields.Speaker ? "name" : null);
}
