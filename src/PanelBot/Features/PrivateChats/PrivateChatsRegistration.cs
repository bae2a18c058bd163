using PanelBot.Conversation;

namespace PanelBot.Features.PrivateChats;

public static class PrivateChatsRegistration
{
    public static IServiceCollection AddPrivateChats(this IServiceCollection services)
    {
        services.AddScoped<PrivateLine>();
        services.AddScoped<IPrivateLine>(sp => sp.GetRequiredService<PrivateLine>());
        services.AddScoped<OrganiserNotice>();
        return services;
    }
}
