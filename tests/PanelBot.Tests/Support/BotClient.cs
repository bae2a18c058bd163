using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support;

/// <summary>
/// Talks to /api/messages the way the channels do. Messages ask for <c>expectReplies</c>, so the bot's answers come back in
/// the HTTP body; Teams card buttons are <c>adaptiveCard/action</c> invokes answered with the invoke response itself.
/// Every raw response body is kept in <see cref="Transcript"/> so a test can search all of them.
/// </summary>
public sealed class BotClient(HttpClient http, string serviceUrl)
{
    public const string Teams = "msteams";
    public const string WebChat = "webchat";
    public const string PlainText = "test";
    public const string BotId = "28:panelbot";

    private readonly ConcurrentQueue<string> _transcript = new();

    public IReadOnlyCollection<string> Transcript => _transcript;

    /// <summary>Each user talks to the bot in a personal chat of their own unless the test says otherwise.</summary>
    public static string PersonalConversation(string userId) => "personal-" + userId;

    public Task<IReadOnlyList<JsonObject>> SayAsync(string userId, string text, string channel = PlainText,
        Action<JsonObject>? customise = null)
    {
        var activity = Activity("message", userId, channel);
        activity["text"] = text;
        activity["deliveryMode"] = "expectReplies";
        customise?.Invoke(activity);
        return RepliesAsync(activity);
    }

    /// <summary>A message with normal delivery: the bot answers through the connector at the serviceUrl, not in the HTTP body.</summary>
    public async Task SendAsync(string userId, string text, string channel = PlainText)
    {
        var activity = Activity("message", userId, channel);
        activity["text"] = text;
        using var response = await PostAsync(activity);
        Assert.Equal(200, (int)response.StatusCode);
    }

    /// <summary>A Web Chat (or other channel's) <c>Action.Submit</c>: a message whose value carries the verb and inputs.</summary>
    public Task<IReadOnlyList<JsonObject>> SubmitAsync(string userId, JsonObject value, string channel = WebChat)
    {
        var activity = Activity("message", userId, channel);
        activity["value"] = value;
        activity["deliveryMode"] = "expectReplies";
        return RepliesAsync(activity);
    }

    /// <summary>A Teams <c>Action.Execute</c>: the <c>adaptiveCard/action</c> invoke.</summary>
    public async Task<InvokeResult> InvokeAsync(string userId, string verb, JsonObject? data = null)
    {
        var activity = Activity("invoke", userId, Teams);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        using var response = await PostAsync(activity);
        var raw = await response.Content.ReadAsStringAsync();
        _transcript.Enqueue(raw);
        CardCorpus.Record(raw);
        var body = raw.Length == 0 ? new JsonObject() : JsonNode.Parse(raw)!.AsObject();
        return new InvokeResult((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, raw);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var content = new StringContent(activity.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await http.PostAsync("/api/messages", content);
    }

    public JsonObject Activity(string type, string userId, string channel) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = TestNow.Value.ToString("O"),
        ["channelId"] = channel,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = NameOf(userId) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PanelBot" },
        ["conversation"] = new JsonObject { ["id"] = PersonalConversation(userId), ["conversationType"] = "personal" },
        ["locale"] = "en-GB",
    };

    /// <summary>"alice" is called "Alice".</summary>
    public static string NameOf(string userId) => char.ToUpperInvariant(userId[0]) + userId[1..];

    private async Task<IReadOnlyList<JsonObject>> RepliesAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        var raw = await response.Content.ReadAsStringAsync();
        _transcript.Enqueue(raw);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"/api/messages answered {(int)response.StatusCode}: {raw}");
        CardCorpus.Record(raw);
        var body = JsonNode.Parse(raw)!.AsObject();
        return body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
    }
}

/// <summary>The HTTP answer to an invoke: status, content type, and the invoke response body.</summary>
public sealed record InvokeResult(int HttpStatus, string? MediaType, JsonObject Body, string Raw)
{
    public string? Type => Body["type"]?.GetValue<string>();

    /// <summary>The refreshed card, or a failure that shows what came back instead.</summary>
    public JsonObject Card => Type == CardJson.AdaptiveContentType && Body["value"] is JsonObject card
        ? card
        : throw new Xunit.Sdk.XunitException($"The invoke response carries no card: {Raw}");

    public string Message => Body["value"]?.ToString() ?? "";

    public override string ToString() => $"HTTP {HttpStatus}: {Raw}";
}
