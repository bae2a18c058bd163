namespace PanelBot.Hosting;

/// <summary>
/// <c>dotnet PanelBot.dll healthcheck [URL]</c>: asks a running instance's <c>/health</c> and exits 0 on a 2xx answer,
/// 1 otherwise. It is the container HEALTHCHECK, because the ASP.NET Core runtime image has neither curl nor wget.
/// </summary>
public static class HealthProbe
{
    public const string Verb = "healthcheck";
    public const string UrlVariable = "PANELBOT_HEALTH_URL";
    public const string DefaultUrl = "http://127.0.0.1:8080/health";

    // A one-shot process without a host: its console output and exit code are its interface, and its one HttpClient
    // serves one request, so the bans on Console and new HttpClient() (BannedSymbols.txt) do not apply here.
#pragma warning disable RS0030
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } set ? set : DefaultUrl;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {url}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }
#pragma warning restore RS0030
}
