using PanelBot.Domain.Events;

namespace PanelBot.Features.Invitations;

/// <summary>Links in mails and chat: <c>PublicBaseUrl</c>, else the current request's host, else http://localhost:5000.</summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string Fallback = "http://localhost:5000/";

    public Uri BaseUrl
    {
        get
        {
            if (configuration["PublicBaseUrl"] is { Length: > 0 } configured) return WithSlash(configured);
            if (http.HttpContext?.Request is { Host.HasValue: true } request)
                return WithSlash($"{request.Scheme}://{request.Host}{request.PathBase}");
            return new Uri(Fallback);
        }
    }

    public Uri EventIcs(Event ev) => new(BaseUrl, $"events/{ev.Number}.ics");

    public Uri Feed(string token) => new(BaseUrl, $"feeds/{token}.ics");

    /// <summary>The same address with the webcal scheme, which calendar apps open as a subscription.</summary>
    public static string Webcal(Uri url) => "webcal://" + url.GetComponents(UriComponents.HostAndPort | UriComponents.PathAndQuery, UriFormat.UriEscaped);

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
