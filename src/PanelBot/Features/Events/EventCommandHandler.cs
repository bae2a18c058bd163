using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;
using PanelBot.Features.People;

namespace PanelBot.Features.Events;

/// <summary>Runs the organiser commands (new, set, speaker, times, segment, reading, organiser, show, events, publish, cancel, demo).</summary>
public sealed class EventCommandHandler(EventActions actions, EventLookup lookup, EventRepository events, DemoSetup demo, UserProfiles profiles, NamedPeople people, TimeProvider clock)
{
    public async Task<BotReply> HandleAsync(TurnRequest request, Command command, DateTimeZone userZone, CancellationToken ct)
    {
        switch (command)
        {
            case NewEventCommand create:
                return await actions.CreateAsync(request, new EventDetails
                {
                    Kind = create.Kind,
                    Title = create.Title,
                    Date = create.Date,
                    StartTime = create.Start,
                    EndTime = create.End,
                    TimeZoneId = create.ZoneId ?? userZone.Id,
                }, ct);
            case NewEventFormCommand form:
                return EventFormHandler.NewForm(request, form.Kind, userZone);
            case ListEventsCommand:
                return await ListAsync(request, ct);
            case DemoCommand:
                return await demo.CreateAsync(request, ct);
            case EventCommand eventCommand:
                // Reading a draft is for its organisers only; a change to it is refused by the permission check.
                var ev = eventCommand is ShowCommand
                    ? await lookup.FindAsync(request, eventCommand.Event, ct)
                    : await lookup.FindAsync(eventCommand.Event, ct);
                if (ev is null)
                {
                    return EventLookup.NotFound(eventCommand.Event);
                }

                return await HandleEventAsync(request, eventCommand, ev, userZone, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not an event command.");
        }
    }

    /// <summary>A card's refresh button: the card as the requester may see it now.</summary>
    public async Task<BotReply> RefreshAsync(TurnRequest request, EventRef reference, CancellationToken ct) =>
        await lookup.FindAsync(request, reference, ct) is { } ev ? await actions.ShowAsync(request, ev, ct) : EventLookup.NotFound(reference);

    private Task<BotReply> HandleEventAsync(TurnRequest request, EventCommand command, Event ev, DateTimeZone userZone, CancellationToken ct)
    {
        var today = clock.GetCurrentInstant().InZone(userZone).Date;
        return command switch
        {
            ShowCommand => actions.ShowHereAsync(request, ev, ct),
            PublishCommand => actions.PublishAsync(request, ev, ct),
            CancelCommand cancel => actions.EditAsync(request, ev, e => e.Cancel(cancel.Reason, clock),
                $"{ev.Reference} is cancelled.", ct),
            SetCommand set => actions.EditAsync(request, ev,
                e => SetValue.Apply(e, set, today, clock),
                $"Updated the {FieldLabel(set.Field)} of {ev.Reference}.", ct),
            AddSpeakerCommand { Speaker.Email: { } typed } when !EmailEntry.TryAccept(typed, out _) =>
                Task.FromResult<BotReply>(EmailEntry.Refusal),
            AddSpeakerCommand add => AddSpeakerAsync(request, ev, WithUsableEmail(add.Speaker), ct),
            SpeakerZoneCommand zone => actions.EditAsync(request, ev, e => e.SetSpeakerZone(zone.Name, zone.ZoneId, clock),
                e => SpeakerZoneDone(e, zone.Name), ct),
            TimesCommand => Task.FromResult(SuggestTimes(request, ev)),
            RemoveSpeakerCommand remove => actions.EditAsync(request, ev, e => e.RemoveSpeaker(remove.Name, clock),
                $"Removed {remove.Name} from {ev.Reference}.", ct),
            SpeakerStatusCommand status => actions.EditAsync(request, ev, e => e.SetSpeakerStatus(status.Name, status.Status, clock),
                $"{status.Name} is now {status.Status.ToString().ToLowerInvariant()} on {ev.Reference}.", ct),
            AddSegmentCommand segment => actions.EditAsync(request, ev, e => e.AddSegment(segment.Segment, clock),
                e => $"Added \"{segment.Segment.Title}\" ({segment.Segment.Minutes} min) to the run of show of {e.Reference}. {e.CheckRunOfShow().Message}", ct),
            RemoveSegmentCommand segment => actions.EditAsync(request, ev, e => e.RemoveSegment(segment.Position, clock),
                $"Removed segment {segment.Position} from {ev.Reference}.", ct),
            AddReadingCommand reading => actions.EditAsync(request, ev, e => e.AddReading(reading.Reading, clock),
                $"Added the reading \"{reading.Reading.Title}\" to {ev.Reference}.", ct),
            RemoveReadingCommand reading => actions.EditAsync(request, ev, e => e.RemoveReading(reading.Title, clock),
                $"Removed the reading \"{reading.Title}\" from {ev.Reference}.", ct),
            OrganiserCommand organiser => ChangeOrganiserAsync(request, ev, organiser, ct),
            _ => Task.FromResult<BotReply>($"I can't do that with {ev.Reference} yet."),
        };
    }

    /// <summary>A speaker added without a zone takes the one their Teams client reported, when the bot has heard from them.</summary>
    private async Task<BotReply> AddSpeakerAsync(TurnRequest request, Event ev, Speaker speaker, CancellationToken ct)
    {
        var fromClient = speaker.TimeZoneId is null && ev.CanEdit(request.UserId)
            ? await profiles.ClientZoneOfAsync(speaker.Name, speaker.Email, ct)
            : null;
        var added = fromClient is null ? speaker : speaker with { TimeZoneId = fromClient };
        return await actions.EditAsync(request, ev, e => e.AddSpeaker(added, clock), e =>
        {
            var done = $"Added {speaker.Name} as {SpeakerRoles.Label(speaker.Role).ToLowerInvariant()} to {e.Reference}.";
            if (LocalTime(e, speaker.Name) is not { } local)
            {
                return done;
            }

            var source = fromClient is null ? "" : $" (the zone of their Teams client; change it with `speaker {e.Reference} \"{local.Speaker.Name}\" zone ZONE`)";
            return $"{done} They are in {local.Zone.Id}{source}: {local.Times(e.Date)} their time.";
        }, ct);
    }

    private string SpeakerZoneDone(Event ev, string name) => LocalTime(ev, name) is { } local
        ? $"{local.Speaker.Name} is in {local.Zone.Id}: {ev.Reference} is {local.Times(ev.Date)} their time."
        : $"{ev.FindSpeaker(name)?.Name ?? name} on {ev.Reference} has no time zone now.";

    private SpeakerLocalTime? LocalTime(Event ev, string name) =>
        ev.FindSpeaker(name) is { } speaker
            ? SpeakerHours.For([speaker], ev.StartsAt, ev.EndsAt, actions.SpeakerWakingHours).SingleOrDefault()
            : null;

    private BotReply SuggestTimes(TurnRequest request, Event ev)
    {
        if (!ev.CanEdit(request.UserId))
        {
            return $"Only the organisers of {ev.Reference} see where its speakers are and which times suit them.";
        }

        var hours = actions.SpeakerWakingHours;
        return SpeakerTimesReply.Render(ev, SlotFinder.Find(ev, hours, clock.GetCurrentInstant()), hours)
            .ForRequesterOnly($"the times that suit the speakers of {ev.Reference}");
    }

    private async Task<BotReply> ChangeOrganiserAsync(TurnRequest request, Event ev, OrganiserCommand command, CancellationToken ct)
    {
        var (userId, name) = await people.ResolveAsync(request.Activity, command.User, ct);
        if (userId is null)
        {
            return $"I couldn't tell who {command.User} is. Mention them with @ in Teams, or give their user id.";
        }

        return await (command.Remove
            ? actions.EditAsync(request, ev, e => e.RemoveCoOrganiser(userId, clock), $"{name} is no longer an organiser of {ev.Reference}.", ct)
            : actions.EditAsync(request, ev, e => e.AddCoOrganiser(userId, name, clock), $"{name} can now edit {ev.Reference}.", ct));
    }

    private async Task<BotReply> ListAsync(TurnRequest request, CancellationToken ct)
    {
        var list = await events.ListAsync(request.UserId, ct);
        if (list.Count == 0)
        {
            return "There are no upcoming events yet. Create one with `new webinar \"Title\" 2026-12-03 15:00-16:30 Europe/Oslo`, or type `demo`.";
        }

        var lines = list.Select(e =>
            $"- **{e.Reference}** {e.Title} ({e.Kind.ToString().ToLowerInvariant()}, {e.Status.ToString().ToLowerInvariant()}): {EventCard.When(e)}");
        BotReply reply = "Upcoming events:\n" + string.Join("\n", lines) + "\n\nType `show #N` for the full card.";
        // Drafts are the organiser's own business until they are published.
        return list.Any(e => e.Status != EventStatus.Published) ? reply.ForRequesterOnly("the list, with your drafts,") : reply;
    }

    private static Speaker WithUsableEmail(Speaker speaker) =>
        EmailEntry.TryAccept(speaker.Email, out var usable) ? speaker with { Email = usable } : speaker;

    private static string FieldLabel(EventField field) => field switch
    {
        EventField.PartOf => "series",
        EventField.DialIn => "dial-in",
        EventField.Link => "join link",
        _ => field.ToString().ToLowerInvariant(),
    };
}
