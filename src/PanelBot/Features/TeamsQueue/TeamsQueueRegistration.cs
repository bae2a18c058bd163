namespace PanelBot.Features.TeamsQueue;

public static class TeamsQueueRegistration
{
    public static IServiceCollection AddTeamsQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsQueueOptions>().Bind(configuration.GetSection(TeamsQueueOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamsWorkSignal>();
        services.AddSingleton<TeamsRateLimits>();
        services.AddScoped<TeamsWork>();
        services.AddScoped<TeamsWorkRunner>();
        services.AddScoped<INoticeRoute, PrivateLineNoticeRoute>();
        services.AddSingleton<TeamsWorkDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsWorkDispatcher>());
        return services;
    }
}
