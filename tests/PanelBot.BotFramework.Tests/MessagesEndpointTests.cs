using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>The HTTP contract of /api/messages, anonymous mode.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["BotFramework:MaxRequestBodyBytes"] = "4096",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ExpectReplies_Returns200WithBufferedReplies()
    {
        _host.Bot.Behaviour = async (turn, ct) =>
        {
            await turn.SendActivityAsync("echo: " + turn.Activity.Text, ct);
            await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, ct);
        };
        var activity = Http.TeamsMessage("hello");
        activity["deliveryMode"] = "expectReplies";

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var replies = body["activities"]!.AsArray();
        Assert.Equal(2, replies.Count);
        Assert.Equal("echo: hello", (string?)replies[0]!["text"]);
        Assert.Equal("1716900000001", (string?)replies[0]!["replyToId"]);
        Assert.Equal("28:bot", (string?)replies[0]!["from"]!["id"]);
        Assert.Equal("29:user", (string?)replies[0]!["recipient"]!["id"]);
        Assert.Equal("typing", (string?)replies[1]!["type"]);
    }

    [Fact]
    public async Task Post_InvokeWithResponse_ReturnsStatusAndJsonBody()
    {
        _host.Bot.Behaviour = (turn, _) =>
        {
            turn.SetInvokeResponse(new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Saved." }));
            return Task.CompletedTask;
        };
        var activity = Http.TeamsMessage();
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Saved.", (string?)body["value"]);
        Assert.Equal(200, (int?)body["statusCode"]);
    }

    [Fact]
    public async Task Post_InvokeResponseActivity_IsUsedAsInvokeResponse()
    {
        _host.Bot.Behaviour = (turn, ct) => turn.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.InvokeResponse,
            Value = JsonNode.Parse("""{"status":400,"body":{"code":"BadRequest"}}"""),
        }, ct);
        var activity = Http.TeamsMessage();
        activity["type"] = "invoke";

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task Post_InvokeWithoutResponse_Returns501()
    {
        var activity = Http.TeamsMessage();
        activity["type"] = "invoke";
        activity["name"] = "unknown/thing";

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Single(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndReachesBot()
    {
        var activity = Http.TeamsMessage();
        activity["type"] = "somethingNew";
        activity["futureField"] = new JsonObject { ["x"] = 1 };

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_host.Bot.Received);
        Assert.Equal("somethingNew", received.Type);
        Assert.True(received.Extra!.ContainsKey("futureField"));
    }

    [Fact]
    public async Task Get_Returns405()
    {
        var response = await _host.Client.GetAsync("api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("[]")]
    public async Task Post_MalformedOrUntypedActivity_Returns400Problem(string json)
    {
        var response = await _host.Client.PostJsonAsync("api/messages", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413WithAProblemThatSaysTheLimit()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(new string('x', 5000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(413, (int?)problem["status"]);
        Assert.Contains("4,096 bytes", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(_host.Bot.Received);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("conversation")]
    [InlineData("from.id")]
    public async Task Post_MessageWithoutSenderOrConversation_Returns400AndBotNotInvoked(string missing)
    {
        var activity = Http.TeamsMessage();
        if (missing == "from.id") activity["from"]!.AsObject().Remove("id");
        else activity.Remove(missing);

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from.id and conversation.id", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"],
            StringComparison.Ordinal);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimitWithoutContentLength_Returns413()
    {
        var json = Http.TeamsMessage(new string('x', 5000)).ToJsonString();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }
}
