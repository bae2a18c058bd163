using Microsoft.Extensions.Options;
using PanelBot.BotFramework;

namespace PanelBot.Playground;

public static class PlaygroundEndpoints
{
    /// <summary>
    /// <c>GET /</c>: the Web Chat playground when it is enabled, otherwise a one-line status for operators.
    /// </summary>
    public static IEndpointRouteBuilder MapPlaygroundPage(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (options.IsPlaygroundEnabled)
        {
            app.MapDirectLinePlayground();
            app.MapGet("/", (IWebHostEnvironment env) =>
                Results.File(Path.Combine(env.WebRootPath, "playground.html"), "text/html; charset=utf-8"));
        }
        else
        {
            app.MapGet("/", () => Results.Text("PanelBot is running. Its messaging endpoint is /api/messages.\n"));
        }
        return app;
    }
}
