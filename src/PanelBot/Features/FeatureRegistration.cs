using Microsoft.Extensions.Options;
using PanelBot.Conversation;
using PanelBot.Conversation.Limits;
using PanelBot.Hosting;
using PanelBot.Features.Events;
using PanelBot.Features.Help;
using PanelBot.Features.Notifications;
using PanelBot.Features.People;
using PanelBot.Features.Rsvp;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<TurnLimiter>();
        services.AddScoped<CommandHandler>();
        services.AddScoped<CardActionHandler>();
        services.AddSingleton<Welcome>();
        services.AddScoped<EventRepository>();
        services.AddScoped<EventActions>();
        services.AddScoped<EventCommandHandler>();
        services.AddScoped<EventFormHandler>();
        services.AddScoped<Events.Forms.OrganiserFormHandler>();
        services.AddScoped<Events.Forms.CardSubmissions>();
        services.AddScoped<EventPublisher>();
        services.AddScoped<DemoSetup>();
        services.AddScoped<RegistrationRepository>();
        services.AddScoped<RsvpHandler>();
        services.AddScoped<UserProfiles>();
        services.AddScoped<PersonalData>();
        services.AddScoped<EventObservers>();
        services.AddScoped<RsvpNotifier>();
        services.AddScoped<PanelBot.Features.PrivateChats.PrivateLine>();
        services.AddScoped<PanelBot.Features.PrivateChats.OrganiserNotice>();
        services.AddScoped<RsvpChanges>();
        services.AddScoped<AttendeeExport>();
        services.AddTeamsQueue(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<PublicUrls>();
        return services;
    }
}
