using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>The local Direct Line 3.0 service as Web Chat uses it, bot replies via real loopback HTTP.</summary>
public sealed class DirectLinePlaygroundTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _host.Bot.Behaviour = async (turn, ct) =>
        {
            if (turn.Activity.Type == ActivityTypes.Message && turn.Activity.Text == "edit")
            {
                var sent = await turn.SendActivityAsync("v1", ct);
                var update = Activity.CreateMessage("v2");
                update.Id = sent!.Id;
                await turn.UpdateActivityAsync(update, ct);
            }
            else if (turn.Activity.Type == ActivityTypes.Message)
            {
                var member = await turn.Connector.GetConversationMemberAsync(turn.Activity.Conversation!.Id!, turn.Activity.From!.Id!, ct);
                await turn.SendActivityAsync($"Hello {member?.Name}! You said {turn.Activity.Text}", ct);
            }
        };
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartConversation_ReturnsTokenAndTellsBotAboutMembers()
    {
        var (conversationId, start) = await StartAsync();

        Assert.StartsWith("pg-token-", (string?)start["token"]);
        Assert.Equal(1800, (int?)start["expires_in"]);
        var update = await _host.Bot.WaitForAsync(a => a.Type == ActivityTypes.ConversationUpdate);
        Assert.Equal(conversationId, update.Conversation?.Id);
        Assert.Equal("webchat", update.ChannelId);
        Assert.Equal(new Uri(_host.BaseAddress, "_playground/").AbsoluteUri, update.ServiceUrl);
        Assert.Equal(["panelbot", "dl_user1"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("panelbot", update.Recipient?.Id);
    }

    [Fact]
    public async Task PostActivity_EchoesWithClientActivityIdThenBotReplyArrives()
    {
        var (conversationId, _) = await StartAsync();

        var posted = await PostUserMessageAsync(conversationId, "hi", "client-1");

        Assert.Equal($"{conversationId}|0000000", posted);
        var activities = await PollAsync(conversationId, "", count: 2);
        var echo = activities[0]!;
        Assert.Equal(posted, (string?)echo["id"]);
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("hi", (string?)echo["text"]);
        var reply = activities[1]!;
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal("Hello You! You said hi", (string?)reply["text"]);
        Assert.Equal(posted, (string?)reply["replyToId"]);
        Assert.True(DateTimeOffset.Parse((string)reply["timestamp"]!) > DateTimeOffset.Parse((string)echo["timestamp"]!));

        var delivered = await _host.Bot.WaitForAsync(a => a.Type == ActivityTypes.Message);
        Assert.Equal("webchat", delivered.ChannelId);
        Assert.Equal("panelbot", delivered.Recipient?.Id);
        Assert.Equal("PanelBot", delivered.Recipient?.Name);
        Assert.Equal(posted, delivered.Id);
    }

    [Fact]
    public async Task GetActivities_Watermark_ReturnsOnlyNewerActivities()
    {
        var (conversationId, _) = await StartAsync();
        await PostUserMessageAsync(conversationId, "hi", "c1");
        await PollAsync(conversationId, "", count: 2);

        var afterAll = await GetActivitiesAsync(conversationId, "1");
        var afterEcho = await GetActivitiesAsync(conversationId, "0");

        Assert.Empty(afterAll["activities"]!.AsArray());
        Assert.Equal("1", (string?)afterAll["watermark"]);
        Assert.Equal("bot", (string?)Assert.Single(afterEcho["activities"]!.AsArray())!["from"]!["role"]);
        Assert.Equal("1", (string?)afterEcho["watermark"]);
    }

    [Fact]
    public async Task UpdateActivity_ReEmitsSameIdWithNewContent()
    {
        var (conversationId, _) = await StartAsync();
        await PostUserMessageAsync(conversationId, "edit", "c1");

        var activities = await PollAsync(conversationId, "", count: 3);

        Assert.Equal("v1", (string?)activities[1]!["text"]);
        Assert.Equal("v2", (string?)activities[2]!["text"]);
        Assert.Equal((string?)activities[1]!["id"], (string?)activities[2]!["id"]);
        Assert.Equal("2", (string?)(await GetActivitiesAsync(conversationId, ""))["watermark"]);
    }

    [Fact]
    public async Task UnknownConversation_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("v3/directline/conversations/nope/activities?watermark=")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("v3/directline/conversations/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.PostJsonAsync("v3/directline/conversations/nope/activities", """{"type":"message"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.PostJsonAsync("_playground/v3/conversations/nope/activities", """{"type":"message"}""")).StatusCode);
    }

    [Fact]
    public async Task GeneratedToken_StartsItsOwnConversation_AndRefreshKeepsIt()
    {
        var generated = JsonNode.Parse(await (await _host.Client.PostJsonAsync("v3/directline/tokens/generate", """{"user":{"id":"dl_x"}}""")).Content.ReadAsStringAsync())!;
        var token = (string)generated["token"]!;

        var started = JsonNode.Parse(await (await _host.Client.PostJsonAsync("v3/directline/conversations", "{}", token)).Content.ReadAsStringAsync())!;
        var refreshed = JsonNode.Parse(await (await _host.Client.PostJsonAsync("v3/directline/tokens/refresh", "", token)).Content.ReadAsStringAsync())!;

        Assert.Equal((string?)generated["conversationId"], (string?)started["conversationId"]);
        Assert.Equal(token, (string?)started["token"]);
        Assert.Equal(token, (string?)refreshed["token"]);
        var update = await _host.Bot.WaitForAsync(a => a.Type == ActivityTypes.ConversationUpdate);
        Assert.Equal("dl_x", update.MembersAdded![1].Id);
    }

    [Fact]
    public async Task PlaygroundConnector_Delete_RemovesActivityFromStream()
    {
        var (conversationId, _) = await StartAsync();
        var posted = await PostUserMessageAsync(conversationId, "hi", "c1");
        await PollAsync(conversationId, "", count: 2);

        var client = _host.Services.GetRequiredService<IConnectorClientFactory>().Create(new Uri(_host.BaseAddress, "_playground/").AbsoluteUri);
        await client.DeleteActivityAsync(conversationId, posted);

        var remaining = (await GetActivitiesAsync(conversationId, ""))["activities"]!.AsArray();
        Assert.DoesNotContain(remaining, a => (string?)a!["id"] == posted);
    }

    [Fact]
    public async Task ContinueConversation_FromStoredReference_SendsProactiveMessageIntoStream()
    {
        var (conversationId, _) = await StartAsync();
        var update = await _host.Bot.WaitForAsync(a => a.Type == ActivityTypes.ConversationUpdate);
        var stored = System.Text.Json.JsonSerializer.Serialize(update.GetConversationReference(), BotJson.Options);
        var reference = System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(stored, BotJson.Options)!;
        Activity? continuation = null;

        await _host.Services.GetRequiredService<IBotAdapter>().ContinueConversationAsync(reference, async (turn, ct) =>
        {
            continuation = turn.Activity;
            await turn.SendActivityAsync("Reminder: the panel starts in 15 minutes", ct);
        });

        Assert.Equal(("event", "ContinueConversation"), (continuation?.Type, continuation?.Name));
        var reminder = Assert.Single(await PollAsync(conversationId, "", count: 1))!;
        Assert.Equal("Reminder: the panel starts in 15 minutes", (string?)reminder["text"]);
        Assert.Equal("panelbot", (string?)reminder["from"]!["id"]);
        Assert.Equal("dl_user1", (string?)reminder["recipient"]!["id"]);
    }

    [Fact]
    public async Task ContinueConversation_UntrustedServiceUrl_ThrowsBeforeSending()
    {
        var reference = new ConversationReference
        {
            ServiceUrl = "https://attacker.example.com/",
            Conversation = new ConversationAccount { Id = "a:1" },
            ChannelId = "msteams",
        };

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            _host.Services.GetRequiredService<IBotAdapter>().ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("x", ct)));
    }

    private async Task<(string ConversationId, JsonNode Body)> StartAsync()
    {
        var response = await _host.Client.PostJsonAsync("v3/directline/conversations", """{"user":{"id":"dl_user1"},"locale":"en-US"}""", "pg-token");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["conversationId"]!, body);
    }

    private async Task<string> PostUserMessageAsync(string conversationId, string text, string clientActivityId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = "dl_user1", ["role"] = "user" },
            ["text"] = text,
            ["locale"] = "en-US",
            ["localTimezone"] = "Europe/Berlin",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        var response = await _host.Client.PostJsonAsync($"v3/directline/conversations/{conversationId}/activities", activity.ToJsonString(), "pg-token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private async Task<JsonNode> GetActivitiesAsync(string conversationId, string watermark)
    {
        var response = await _host.Client.GetAsync($"v3/directline/conversations/{conversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls like Web Chat until at least <paramref name="count"/> messages (not updates) are in the stream.</summary>
    private Task<JsonArray> PollAsync(string conversationId, string watermark, int count) =>
        Eventually.Until<JsonArray>(async () =>
        {
            var activities = (await GetActivitiesAsync(conversationId, watermark))["activities"]!.AsArray();
            return new JsonArray(activities.Where(a => (string?)a!["type"] == "message").Select(a => a!.DeepClone()).ToArray());
        }, messages => messages.Count >= count, messages => $"{count} activities, got {messages.ToJsonString()}", TimeSpan.FromSeconds(10));
}
