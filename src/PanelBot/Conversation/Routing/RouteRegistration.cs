using System.Text.Json.Nodes;
using NodaTime;
using PanelBot.Domain.Commands;

namespace PanelBot.Conversation.Routing;

/// <summary>How a slice adds its commands and card verbs to the <see cref="RouteTable"/> from its <c>AddXxx</c>.</summary>
public static class RouteRegistration
{
    public static IServiceCollection AddCommandRoute<TCommand, THandler>(this IServiceCollection services,
        Func<THandler, TurnRequest, TCommand, DateTimeZone, CancellationToken, Task<BotReply>> run)
        where TCommand : Command where THandler : notnull =>
        services.AddSingleton(new CommandRoute(typeof(TCommand),
            (sp, request, command, zone, ct) => run(sp.GetRequiredService<THandler>(), request, (TCommand)command, zone, ct)));

    public static IServiceCollection AddCardVerb<THandler>(this IServiceCollection services, string verb,
        Func<THandler, TurnRequest, string, JsonObject, DateTimeZone, CancellationToken, Task<BotReply>> run)
        where THandler : notnull =>
        services.AddSingleton(new CardVerb(verb,
            (sp, request, v, data, zone, ct) => run(sp.GetRequiredService<THandler>(), request, v, data, zone, ct)));

    public static IServiceCollection AddCardVerbs<THandler>(this IServiceCollection services, IEnumerable<string> verbs,
        Func<THandler, TurnRequest, string, JsonObject, DateTimeZone, CancellationToken, Task<BotReply>> run)
        where THandler : notnull
    {
        foreach (var verb in verbs)
        {
            services.AddCardVerb(verb, run);
        }

        return services;
    }
}
