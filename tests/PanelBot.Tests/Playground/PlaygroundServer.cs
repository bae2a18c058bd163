using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Playground;

/// <summary>
/// The real app on Kestrel with its playground, on a SQLite file of its own, and headless Debian Chromium to open it.
/// "Now" is the tests' fake now, so webinars two to three weeks later are always in the future.
/// </summary>
public sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly string dataDir;
    private readonly KestrelApp app;

    public PlaygroundServer(string name)
    {
        dataDir = Directory.CreateTempSubdirectory($"panelbot-{name}-").FullName;
        Port = FreePort();
        app = new KestrelApp(Path.Combine(dataDir, "panelbot.db"), Port);
        app.StartServer();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public IServiceProvider Services => app.Services;

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelApp(string database, int port) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:PanelBot", $"Data Source={database}");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Events:DefaultTimeZone", "Europe/Oslo");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(TestClock.Create());
            });
            UseKestrel(port);
        }
    }
}
