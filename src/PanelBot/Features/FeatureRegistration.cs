using PanelBot.Conversation;
using PanelBot.Features.Events;
using PanelBot.Features.Help;
using PanelBot.Features.Notifications;
using PanelBot.Features.People;
using PanelBot.Features.Rsvp;

namespace PanelBot.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommandHandler>();
        services.AddScoped<CardActionHandler>();
        services.AddSingleton<Welcome>();
        services.AddScoped<EventRepository>();
        services.AddScoped<EventActions>();
        services.AddScoped<EventCommandHandler>();
        services.AddScoped<EventFormHandler>();
        services.AddScoped<EventPublisher>();
        services.AddScoped<DemoSetup>();
        services.AddScoped<RegistrationRepository>();
        services.AddScoped<RsvpHandler>();
        services.AddScoped<UserProfiles>();
        services.AddScoped<EventObservers>();
        return services;
    }
}
