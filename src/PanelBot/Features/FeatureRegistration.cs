using PanelBot.Conversation;
using PanelBot.Features.Events;
using PanelBot.Features.Help;
using PanelBot.Features.Notifications;
using PanelBot.Features.People;
using PanelBot.Features.PrivateChats;
using PanelBot.Features.Rsvp;
using PanelBot.Features.TeamsQueue;
using PanelBot.Hosting;

namespace PanelBot.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddConversation(configuration);
        services.AddHelp();
        services.AddEvents();
        services.AddRsvp();
        services.AddPeople();
        services.AddPrivateChats();
        services.AddScoped<EventObservers>();
        services.AddTeamsQueue(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<PublicUrls>();
        return services;
    }
}
