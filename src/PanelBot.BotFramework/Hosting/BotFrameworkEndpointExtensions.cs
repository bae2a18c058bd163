using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.DirectLine;
using PanelBot.BotFramework.Hosting;

namespace PanelBot.BotFramework;

/// <summary>Endpoint mapping of the bot and the Direct Line playground.</summary>
public static class BotFrameworkEndpointExtensions
{
    /// <summary>Maps the channel endpoint (all verbs; anything but POST gets 405).</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app, string path = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map(path, MessagesEndpoint.HandleAsync);
        return app;
    }

    /// <summary>
    /// Maps the local Direct Line 3.0 service under <c>/v3/directline</c> and its connector side under
    /// <c>/_playground/v3</c>, when <see cref="PlaygroundOptions.Enabled"/> (default: only without MicrosoftAppId).
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLinePlayground(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (options.IsPlaygroundEnabled)
        {
            DirectLineEndpoints.Map(app);
            PlaygroundConnectorEndpoints.Map(app);
        }

        return app;
    }
}
