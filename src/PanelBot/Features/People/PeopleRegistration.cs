using PanelBot.Conversation;

namespace PanelBot.Features.People;

public static class PeopleRegistration
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<UserProfiles>();
        services.AddScoped<PersonalData>();
        services.AddScoped<UserKeyMoves>();
        services.AddScoped<NamedPeople>();
        services.AddScoped<IUserZones, UserZones>();
        return services;
    }
}
