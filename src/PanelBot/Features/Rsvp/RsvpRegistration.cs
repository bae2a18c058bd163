using System.Text.Json.Nodes;
using PanelBot.Conversation;
using PanelBot.Conversation.Routing;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Features.Notifications;

namespace PanelBot.Features.Rsvp;

public static class RsvpRegistration
{
    /// <summary>RSVPs: answers, lists, approvals, the attendee export and forget-me.</summary>
    public static IServiceCollection AddRsvp(this IServiceCollection services)
    {
        services.AddScoped<RegistrationRepository>();
        services.AddScoped<RsvpHandler>();
        services.AddScoped<RsvpOrganiserTools>();
        services.AddScoped<RsvpPersonalData>();
        services.AddScoped<RsvpNotifier>();
        services.AddScoped<RsvpChanges>();
        services.AddScoped<AttendeeExport>();
        services.AddScoped<IAttendance, RsvpAttendance>();
        services.AddScoped<IEventObserver, FreedSeatsObserver>();

        services.AddCommandRoute<RsvpCommand, RsvpHandler>((h, request, c, _, ct) => h.AnswerAsync(request, c.Event, c.Answer, c.Email, ct));
        services.AddCommandRoute<MyEventsCommand, RsvpHandler>((h, request, _, _, ct) => h.MyEventsAsync(request, ct));
        services.AddCommandRoute<AttendeesCommand, RsvpOrganiserTools>((h, request, c, _, ct) => h.AttendeesAsync(request, c.Event, ct));
        services.AddCommandRoute<EmailCommand, RsvpPersonalData>((h, request, c, _, ct) => h.RememberEmailAsync(request, c.Address, ct));
        services.AddCommandRoute<ExportCommand, AttendeeExport>((h, request, c, _, ct) => h.LinkAsync(request, c.Event, ct));
        services.AddCommandRoute<ApproveCommand, RsvpOrganiserTools>((h, request, c, _, ct) => h.DecideAsync(request, c.Event, c.User, approve: true, ct));
        services.AddCommandRoute<DeclineCommand, RsvpOrganiserTools>((h, request, c, _, ct) => h.DecideAsync(request, c.Event, c.User, approve: false, ct));
        services.AddCommandRoute<ForgetMeCommand, RsvpPersonalData>((h, request, c, _, ct) => h.ForgetAsync(request, c.Confirmed, ct));

        services.AddCardVerb<RsvpHandler>(EventCard.RsvpVerb, (h, request, _, data, _, ct) =>
            CardData.EventNumber(data) is { } number && ParseAnswer(data["answer"]) is { } answer
                ? h.AnswerAsync(request, EventRef.ForNumber(number), answer, null, ct)
                : Task.FromResult<BotReply>(CardVerb.OutOfDate));
        services.AddCardVerb<RsvpPersonalData>(RsvpPersonalData.ForgetVerb, (h, request, _, _, _, ct) => h.ForgetAsync(request, confirmed: true, ct));
        return services;
    }

    private static RsvpAnswer? ParseAnswer(JsonNode? node) => node?.ToString().ToLowerInvariant() switch
    {
        "going" or "yes" => RsvpAnswer.Going,
        "maybe" => RsvpAnswer.Maybe,
        "no" or "notgoing" or "cantgo" => RsvpAnswer.No,
        _ => null,
    };
}
