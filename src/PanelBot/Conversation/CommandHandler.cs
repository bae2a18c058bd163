using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation.Limits;
using PanelBot.Domain.Commands;
using PanelBot.Features;
using PanelBot.Features.Events;
using PanelBot.Features.Help;
using PanelBot.Features.Invitations;
using PanelBot.Features.Operations;
using PanelBot.Features.Scheduling;
using PanelBot.Features.People;
using PanelBot.Features.Rsvp;

namespace PanelBot.Conversation;

/// <summary>Reads a text command and runs it. Parse errors answer with what to type instead.</summary>
public sealed class CommandHandler(
    EventCommandHandler events,
    RsvpHandler rsvp,
    AttendeeExport export,
    OutboxCommandHandler outbox,
    ScheduleCommandHandler schedule,
    UserProfiles profiles,
    IOptions<EventsOptions> options,
    IOptions<LimitsOptions> limits,
    TimeProvider clock)
{
    public async Task HandleAsync(TurnRequest request, CancellationToken ct)
    {
        var text = request.Activity.RemoveRecipientMentionText();
        if (string.IsNullOrWhiteSpace(text))
        {
            await request.SendAsync("Type `help` to see what I can do.", ct);
            return;
        }
        var zone = await UserZoneAsync(request, ct);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var parsed = CommandParser.TryParse(text, today, limits.Value.ToCommandLimits(), out var command, out var error);
        PanelBotTelemetry.TagCommand(parsed ? command : null);
        var reply = parsed ? await ExecuteAsync(request, command!, zone, ct) : (BotReply)error!.Message;
        await request.SendAsync(reply, ct);
    }

    public async Task<BotReply> ExecuteAsync(TurnRequest request, Command command, DateTimeZone zone, CancellationToken ct) => command switch
    {
        HelpCommand help => HelpReply.Render(help.Topic, request.Surface),
        RsvpCommand answer => await rsvp.AnswerAsync(request, answer.Event, answer.Answer, answer.Email, ct),
        MyEventsCommand => await rsvp.MyEventsAsync(request, ct),
        AttendeesCommand attendees => await rsvp.AttendeesAsync(request, attendees.Event, ct),
        EmailCommand email => await rsvp.RememberEmailAsync(request, email.Address, ct),
        OutboxCommand outboxCommand => await outbox.HandleAsync(request, outboxCommand, ct),
        RemindCommand or ScheduleCommand => await schedule.HandleAsync(request, (EventCommand)command, ct),
        ExportCommand exportCommand => await export.LinkAsync(request, exportCommand.Event, ct),
        ApproveCommand approve => await rsvp.DecideAsync(request, approve.Event, approve.User, approve: true, ct),
        DeclineCommand decline => await rsvp.DecideAsync(request, decline.Event, decline.User, approve: false, ct),
        ForgetMeCommand forget => await rsvp.ForgetAsync(request, forget.Confirmed, ct),
        _ => await events.HandleAsync(request, command, zone, ct),
    };

    /// <summary>The zone the channel reports, else the one the user used last, else the configured default.</summary>
    public async Task<DateTimeZone> UserZoneAsync(TurnRequest request, CancellationToken ct)
    {
        if (request.ClientZone is { } reported) return reported;
        var profile = await profiles.FindAsync(request.UserId, ct);
        return (profile?.LastTimeZone is { } last ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(last) : null)
               ?? DateTimeZoneProviders.Tzdb[options.Value.DefaultTimeZone];
    }
}
