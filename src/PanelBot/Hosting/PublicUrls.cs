using PanelBot.Domain.Events;

namespace PanelBot.Hosting;

/// <summary>
/// Links the bot hands out (mails, calendar files, CSV downloads): <c>PublicBaseUrl</c>, else the current request's
/// host, else http://localhost:5000. Turns arrive from the channel, not the user's browser, so set it in production.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string Fallback = "http://localhost:5000/";

    public Uri BaseUrl
    {
        get
        {
            if (configuration["PublicBaseUrl"] is { Length: > 0 } configured)
            {
                return WithSlash(configured);
            }

            if (http.HttpContext?.Request is { Host.HasValue: true } request)
            {
                return WithSlash($"{request.Scheme}://{request.Host}{request.PathBase}");
            }

            return new Uri(Fallback);
        }
    }

    public string For(string relative) => new Uri(BaseUrl, relative.TrimStart('/')).ToString();

    public Uri EventIcs(Event ev) => new(BaseUrl, $"events/{ev.Number}.ics");

    public Uri Feed(string token) => new(BaseUrl, $"feeds/{token}.ics");

    public Uri SeriesFeed(string token) => new(BaseUrl, $"feeds/series/{token}.ics");

    /// <summary>The same address with the webcal scheme, which calendar apps open as a subscription.</summary>
    public static string Webcal(Uri url) => "webcal://" + url.GetComponents(UriComponents.HostAndPort | UriComponents.PathAndQuery, UriFormat.UriEscaped);

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
