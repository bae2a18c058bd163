using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PanelBot.Tests.Support;

/// <summary>
/// PanelBot as its own process (<c>dotnet PanelBot.dll</c>), configured only by environment variables, the way a
/// container runs it, in a working folder of its own. Stopped (by its own process id) when disposed.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, string url, string folder)
    {
        _process = process;
        Url = url;
        WorkingFolder = folder;
    }

    public string Url { get; }
    public string WorkingFolder { get; }
    public int ProcessId => _process.Id;
    public IReadOnlyList<string> Output => _output.ToList();

    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "PanelBot.dll");

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("panelbot-instance-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [AppDll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The same names a container sets: `Urls` (not ASPNETCORE_URLS, which appsettings.json's Urls would override).
        start.Environment["Urls"] = url;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Events__DefaultTimeZone"] = "Europe/Oslo";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var app = new AppProcess(process, url, folder);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilLiveAsync();
        return app;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    public BotClient Bot() => new(Client(), BotApp.UnreachableServiceUrl);

    /// <summary>Runs <c>dotnet PanelBot.dll ARGS</c> to the end and answers its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [AppDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = Client();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process.HasExited)
                throw new Xunit.Sdk.XunitException($"PanelBot exited with {_process.ExitCode}:\n{string.Join("\n", Output)}");
            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException("PanelBot did not start:\n" + string.Join("\n", Output));
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(WorkingFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still closing; the temp folder is cleaned by the OS eventually
        }
    }
}
