namespace PanelBot.Hosting;

/// <summary>
/// The address people reach this bot at (<c>PublicBaseUrl</c>), for links the bot hands out: CSV downloads, calendar
/// files. Turns arrive from the channel, not from the user's browser, so it cannot be read off a request.
/// </summary>
public sealed class PublicUrl(IConfiguration configuration)
{
    public const string Key = "PublicBaseUrl";
    public const string Default = "http://localhost:5000";

    public Uri Base { get; } = new(EnsureSlash(configuration[Key] is { Length: > 0 } url ? url : Default));

    public string For(string relative) => new Uri(Base, relative.TrimStart('/')).ToString();

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
