using Microsoft.Extensions.Options;
using PanelBot.Conversation.Limits;
using PanelBot.Conversation.Routing;

namespace PanelBot.Conversation;

public static class ConversationRegistration
{
    /// <summary>The turn pipeline: limits, the command and card dispatchers, and the route table the slices fill.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<TurnLimiter>();
        services.AddSingleton<RouteTable>();
        services.AddScoped<CommandHandler>();
        services.AddScoped<CardActionHandler>();
        return services;
    }
}
