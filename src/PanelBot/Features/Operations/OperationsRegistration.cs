using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PanelBot.BotFramework;

namespace PanelBot.Features.Operations;

/// <summary>Health endpoints, telemetry, our instruments and the shared key ring: what an operator needs.</summary>
public static class OperationsRegistration
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthSettings>().Bind(builder.Configuration.GetSection(HealthSettings.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxAge>();
        services.AddSingleton<PanelBotMetrics>();
        services.AddTransient<ConnectorThrottleCounter>();
        services.AddHttpClient(BotFrameworkServiceCollectionExtensions.ConnectorHttpClientName).AddHttpMessageHandler<ConnectorThrottleCounter>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>(SchedulerHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name, tags: [ReadyTag]);
        builder.AddSharedKeys();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        // Created now so that the outbox gauge exists before the first export.
        app.Services.GetRequiredService<PanelBotMetrics>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        return app;
    }
}
