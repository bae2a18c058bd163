using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Features.Scheduling;

namespace PanelBot.Features.Events.Forms;

/// <summary>
/// The organiser's card verbs: opens each form, applies what it submits through the same domain operations as the text
/// commands, answers a bad submit with the form (what was typed kept, each error under its field), and a good one with
/// the updated event card. Each submit carries an id, so a second click changes nothing.
/// </summary>
public sealed class OrganiserFormHandler(
    EventActions actions,
    EventLookup lookup,
    CardSubmissions submissions,
    ScheduleCommandHandler schedule,
    IAttendance registrations,
    TimeProvider clock)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>
    {
        OrganiserTools.PublishVerb, OrganiserTools.SpeakersVerb, OrganiserTools.RunOfShowVerb, OrganiserTools.ReadingsVerb,
        OrganiserTools.SettingsVerb, OrganiserTools.CancelVerb,
        SpeakersForm.AddVerb, SpeakersForm.EditVerb, SpeakersForm.SaveVerb, SpeakersForm.RemoveVerb,
        RunOfShowForm.AddVerb, RunOfShowForm.MoveVerb, RunOfShowForm.RemoveVerb,
        ReadingsForm.AddVerb, ReadingsForm.RemoveVerb,
        SettingsForm.SaveVerb, CancelForm.ConfirmVerb,
    };

    public async Task<BotReply> HandleAsync(TurnRequest request, string verb, JsonObject data, CancellationToken ct)
    {
        var found = await lookup.ForOrganiserAsync(request, FormCard.Int(data, "event"), ct);
        if (found.Event is not { } ev)
        {
            return found.Refusal!;
        }

        var submission = FormCard.Text(data, CardSubmissions.Key);
        var (first, _) = await submissions.ClaimAsync(submission, request.UserId, ev.Number, ct);
        if (!first)
        {
            return await RepeatAsync(request, verb, ev, ct);
        }

        var reply = await RunAsync(request, verb, data, ev, ct);
        if (reply.Errors.Count > 0)
        {
            await submissions.ReleaseAsync(submission, ct);
        }
        // A sentence alone ("#1 already says that") would leave the form in place: answer with the card under it.
        else if (reply.Card is null && !reply.IsSilent)
        {
            return await actions.ShowAsync(request, ev, ct, lead: reply.Text);
        }

        return reply;
    }

    private async Task<BotReply> RunAsync(TurnRequest request, string verb, JsonObject data, Event ev, CancellationToken ct)
    {
        var surface = request.Surface;
        switch (verb)
        {
            case OrganiserTools.PublishVerb:
                return await PublishAsync(request, ev, ct);
            case OrganiserTools.SpeakersVerb:
                return SpeakersForm.Render(surface, ev, null, null, FormErrors.None);
            case SpeakersForm.EditVerb:
                return ev.FindSpeaker(FormCard.Text(data, SpeakersForm.SpeakerKey)) is { } speaker
                    ? SpeakersForm.Render(surface, ev, SpeakersForm.ValuesOf(speaker), speaker.Name, FormErrors.None)
                    : SpeakersForm.Render(surface, ev, null, null, FormErrors.AboveTheForm($"{FormCard.Text(data, SpeakersForm.SpeakerKey)} is no longer on the programme."));
            case SpeakersForm.AddVerb:
            case SpeakersForm.SaveVerb:
                return await SaveSpeakerAsync(request, ev, data, verb == SpeakersForm.SaveVerb ? FormCard.Text(data, SpeakersForm.SpeakerKey) : null, ct);
            case SpeakersForm.RemoveVerb:
                {
                    var name = FormCard.Text(data, SpeakersForm.SpeakerKey) ?? "";
                    return await ListEditAsync(request, ev, e => e.RemoveSpeaker(name, clock), $"Removed {name} from {ev.Reference}.",
                        (e, lead, errors) => SpeakersForm.Render(surface, e, null, null, errors, lead), ct);
                }
            case OrganiserTools.RunOfShowVerb:
                return RunOfShowForm.Render(surface, ev, null, FormErrors.None);
            case RunOfShowForm.AddVerb:
                return await AddSegmentAsync(request, ev, data, ct);
            case RunOfShowForm.MoveVerb:
                {
                    var (from, to) = (FormCard.Int(data, "from") ?? 0, FormCard.Int(data, "to") ?? 0);
                    return await ListEditAsync(request, ev, e => e.MoveSegment(from, to, clock), $"Moved segment {from} to position {to}.",
                        (e, lead, errors) => RunOfShowForm.Render(surface, e, null, errors, lead), ct);
                }
            case RunOfShowForm.RemoveVerb:
                {
                    var position = FormCard.Int(data, "position") ?? 0;
                    return await ListEditAsync(request, ev, e => e.RemoveSegment(position, clock), $"Removed segment {position}.",
                        (e, lead, errors) => RunOfShowForm.Render(surface, e, null, errors, lead), ct);
                }
            case OrganiserTools.ReadingsVerb:
                return ReadingsForm.Render(surface, ev, null, FormErrors.None);
            case ReadingsForm.AddVerb:
                return await AddReadingAsync(request, ev, data, ct);
            case ReadingsForm.RemoveVerb:
                {
                    var title = FormCard.Text(data, ReadingsForm.ReadingKey) ?? "";
                    return await ListEditAsync(request, ev, e => e.RemoveReading(title, clock), $"Removed the reading \"{title}\".",
                        (e, lead, errors) => ReadingsForm.Render(surface, e, null, errors, lead), ct);
                }
            case OrganiserTools.SettingsVerb:
                return SettingsForm.Render(surface, ev, SettingsForm.ValuesOf(ev, await schedule.RemindersAsync(ev, ct)), FormErrors.None);
            case SettingsForm.SaveVerb:
                return await SaveSettingsAsync(request, ev, data, ct);
            case OrganiserTools.CancelVerb:
                return CancelForm.Render(surface, ev, null, FormErrors.None, await AnsweredAsync(ev, ct));
            case CancelForm.ConfirmVerb:
                return await CancelAsync(request, ev, data, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not an organiser form verb.");
        }
    }

    /// <summary>A second click on a form that already acted: show where things stand, change nothing.</summary>
    private async Task<BotReply> RepeatAsync(TurnRequest request, string verb, Event ev, CancellationToken ct)
    {
        const string lead = "That was already done; nothing changed twice.";
        return verb switch
        {
            SpeakersForm.RemoveVerb => SpeakersForm.Render(request.Surface, ev, null, null, FormErrors.None, lead),
            RunOfShowForm.MoveVerb or RunOfShowForm.RemoveVerb => RunOfShowForm.Render(request.Surface, ev, null, FormErrors.None, lead),
            ReadingsForm.RemoveVerb => ReadingsForm.Render(request.Surface, ev, null, FormErrors.None, lead),
            _ => await actions.ShowAsync(request, ev, ct, lead: lead),
        };
    }

    private async Task<BotReply> PublishAsync(TurnRequest request, Event ev, CancellationToken ct)
    {
        // Publishing posts the shared card to this conversation (as publish #N does); the organiser then gets their own view.
        var posted = await actions.PublishAsync(request, ev, ct);
        if (!posted.IsSilent)
        {
            return posted;
        }

        return await actions.ShowAsync(request, ev, ct,
            lead: $"{ev.Reference} is published: people can answer on the card. Your organiser tools stay here.");
    }

    private async Task<BotReply> SaveSpeakerAsync(TurnRequest request, Event ev, JsonObject data, string? original, CancellationToken ct)
    {
        var (speaker, errors) = SpeakersForm.Read(data);
        if (speaker is null)
        {
            return SpeakersForm.Render(request.Surface, ev, data, original, errors);
        }

        var reply = original is null
            ? await actions.EditAsync(request, ev, e => e.AddSpeaker(speaker, clock),
                $"Added {speaker.Name} as {SpeakerRoles.Label(speaker.Role).ToLowerInvariant()} to {ev.Reference}.", ct)
            : await actions.EditAsync(request, ev, e => e.ReplaceSpeaker(original, speaker, clock), $"Saved {speaker.Name} on {ev.Reference}.", ct);
        return reply.Errors.Count > 0 ? SpeakersForm.Render(request.Surface, ev, data, original, SpeakersForm.FromDomain(reply.Errors)) : reply;
    }

    private async Task<BotReply> AddSegmentAsync(TurnRequest request, Event ev, JsonObject data, CancellationToken ct)
    {
        var (segment, errors) = RunOfShowForm.Read(data);
        if (segment is null)
        {
            return RunOfShowForm.Render(request.Surface, ev, data, errors);
        }

        var reply = await actions.EditAsync(request, ev, e => e.AddSegment(segment, clock),
            e => $"Added \"{segment.Title}\" ({segment.Minutes} min) to the run of show. {e.CheckRunOfShow().Message}", ct);
        return reply.Errors.Count > 0 ? RunOfShowForm.Render(request.Surface, ev, data, RunOfShowForm.FromDomain(reply.Errors)) : reply;
    }

    private async Task<BotReply> AddReadingAsync(TurnRequest request, Event ev, JsonObject data, CancellationToken ct)
    {
        var (reading, errors) = ReadingsForm.Read(data);
        if (reading is null)
        {
            return ReadingsForm.Render(request.Surface, ev, data, errors);
        }

        var reply = await actions.EditAsync(request, ev, e => e.AddReading(reading, clock), $"Added the reading \"{reading.Title}\" to {ev.Reference}.", ct);
        return reply.Errors.Count > 0 ? ReadingsForm.Render(request.Surface, ev, data, ReadingsForm.FromDomain(reply.Errors)) : reply;
    }

    private async Task<BotReply> SaveSettingsAsync(TurnRequest request, Event ev, JsonObject data, CancellationToken ct)
    {
        var today = clock.GetCurrentInstant().InZone(ev.Zone).Date;
        var (settings, errors) = SettingsForm.Read(data, ev, today);
        if (settings is null)
        {
            return SettingsForm.Render(request.Surface, ev, data, errors);
        }

        var details = ev.Details with
        {
            Capacity = settings.Capacity,
            RsvpDeadline = settings.Deadline,
            RegistrationMode = settings.Approval ? RegistrationMode.Approval : RegistrationMode.Open,
            JoinLinkReleaseDays = settings.ReleaseDays,
        };
        var remindersChanged = !settings.Reminders.SequenceEqual(await schedule.RemindersAsync(ev, ct));
        var detailsChanged = settings.Capacity != ev.Capacity || settings.Deadline != ev.RsvpDeadline
            || details.RegistrationMode != ev.RegistrationMode || settings.ReleaseDays != ev.JoinLinkReleaseDays;
        if (detailsChanged)
        {
            var reply = await actions.EditAsync(request, ev, e => e.Update(details, clock), $"Saved the settings of {ev.Reference}.", ct);
            if (reply.Errors.Count > 0)
            {
                return SettingsForm.Render(request.Surface, ev, data, SettingsForm.FromDomain(reply.Errors));
            }

            if (!remindersChanged)
            {
                return reply;
            }
        }
        if (remindersChanged)
        {
            await schedule.RemindAsync(ev, settings.Reminders, ct);
        }

        var reminders = string.Join(" and ", settings.Reminders.Select(ReminderOffsets.Describe));
        return await actions.ShowAsync(request, ev, ct, lead: $"Saved the settings of {ev.Reference}. Reminders go out {reminders} before the start.");
    }

    private async Task<BotReply> CancelAsync(TurnRequest request, Event ev, JsonObject data, CancellationToken ct)
    {
        var reason = FormCard.Text(data, "reason");
        if (FormCard.Text(data, "confirm") != "yes")
        {
            return CancelForm.Render(request.Surface, ev, reason, FormErrors.AboveTheForm("Confirm with the Cancel the event button."), await AnsweredAsync(ev, ct));
        }

        var reply = await actions.EditAsync(request, ev, e => e.Cancel(reason, clock), $"{ev.Reference} is cancelled.", ct);
        return reply.Errors.Count > 0
            ? CancelForm.Render(request.Surface, ev, reason, FormErrors.From(reply.Errors, e => e.Field == EventFields.Status ? "reason" : null), await AnsweredAsync(ev, ct))
            : reply;
    }

    /// <summary>Edits a list from a button beside one of its rows, and answers with the list again.</summary>
    private async Task<BotReply> ListEditAsync(TurnRequest request, Event ev, Func<Event, DomainResult<EventUpdate>> edit, string done,
        Func<Event, string?, FormErrors, BotReply> view, CancellationToken ct)
    {
        var reply = await actions.EditAsync(request, ev, edit, _ => done, (e, lead) => view(e, lead, FormErrors.None), ct);
        return reply.Errors.Count > 0 ? view(ev, null, FormErrors.From(reply.Errors, _ => null)) : reply;
    }

    private async Task<int> AnsweredAsync(Event ev, CancellationToken ct) =>
        (await registrations.ListAsync(ev, ct)).Count(r => r.State != Domain.Rsvp.RsvpState.No);
}
