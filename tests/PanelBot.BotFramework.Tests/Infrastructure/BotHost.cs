using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>A real Kestrel host on 127.0.0.1 with the bot endpoint, the playground and a <see cref="RecordingBot"/>.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, RecordingBot bot)
    {
        _app = app;
        Bot = bot;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public RecordingBot Bot { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("BOT_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        var bot = new RecordingBot();
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddSingleton<IBot>(bot);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapBotFramework();
        app.MapDirectLinePlayground();
        await app.StartAsync();
        return new BotHost(app, bot);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
