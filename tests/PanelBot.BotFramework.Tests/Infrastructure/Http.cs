using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PanelBot.BotFramework.Tests.Infrastructure;

internal static class Http
{
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>A Teams message activity as JSON.</summary>
    public static JsonObject TeamsMessage(string text = "hi", string serviceUrl = TeamsServiceUrl, string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = "1716900000001",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "PanelBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:conv" },
        ["text"] = text,
    };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonObject activity, string? bearer = null) =>
        client.PostJsonAsync("api/messages", activity.ToJsonString(), bearer);
}
