using PanelBot.Conversation;
using PanelBot.Storage;

namespace PanelBot.Features.People;

public static class PeopleRegistration
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<UserProfiles>();
        services.AddReadCache<string, UserProfile>(); // every answer asks for the person's address
        services.AddScoped<PersonalData>();
        services.AddScoped<UserKeyMoves>();
        services.AddScoped<NamedPeople>();
        services.AddScoped<IUserZones, UserZones>();
        return services;
    }
}
