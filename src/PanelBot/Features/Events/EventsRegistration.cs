using PanelBot.Conversation;
using PanelBot.Conversation.Routing;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Features.Events.Forms;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

public static class EventsRegistration
{
    /// <summary>Events: the organiser commands, the event card, its forms and organiser tools.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventRepository>();
        services.AddReadCache<int, Event>(); // by number, for RSVP answers
        services.AddScoped<EventLookup>();
        services.AddScoped<EventActions>();
        services.AddScoped<EventCommandHandler>();
        services.AddScoped<EventFormHandler>();
        services.AddScoped<OrganiserFormHandler>();
        services.AddScoped<CardSubmissions>();
        services.AddScoped<EventPublisher>();
        services.AddScoped<DemoSetup>();

        // Every event command another slice does not claim (show, set, speaker, publish, cancel...) is an organiser's.
        services.AddCommandRoute<EventCommand, EventCommandHandler>((h, request, command, zone, ct) => h.HandleAsync(request, command, zone, ct));
        services.AddCommandRoute<NewEventCommand, EventCommandHandler>((h, request, command, zone, ct) => h.HandleAsync(request, command, zone, ct));
        services.AddCommandRoute<NewEventFormCommand, EventCommandHandler>((h, request, command, zone, ct) => h.HandleAsync(request, command, zone, ct));
        services.AddCommandRoute<ListEventsCommand, EventCommandHandler>((h, request, command, zone, ct) => h.HandleAsync(request, command, zone, ct));
        services.AddCommandRoute<DemoCommand, EventCommandHandler>((h, request, command, zone, ct) => h.HandleAsync(request, command, zone, ct));

        services.AddCardVerb<EventCommandHandler>(EventCard.RefreshVerb, (h, request, _, data, _, ct) =>
            CardData.EventNumber(data) is { } number ? h.RefreshAsync(request, EventRef.ForNumber(number), ct) : Task.FromResult<BotReply>(CardVerb.OutOfDate));
        services.AddCardVerbs<EventFormHandler>([EventForm.NewVerb, EventForm.CreateVerb, EventForm.EditVerb, EventForm.SaveVerb],
            (forms, request, verb, data, zone, ct) => forms.HandleAsync(request, verb, data, zone, ct));
        services.AddCardVerbs<OrganiserFormHandler>(OrganiserFormHandler.Verbs,
            (forms, request, verb, data, _, ct) => forms.HandleAsync(request, verb, data, ct));
        return services;
    }
}
