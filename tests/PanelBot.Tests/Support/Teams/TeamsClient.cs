using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support.Teams;

/// <summary>
/// Sends activities to /api/messages as Teams does: normal delivery (the bot answers through the connector, not in
/// the HTTP body), the bot @mentioned in group chats and channels, aadObjectId, tenant, team and channel.
/// </summary>
public sealed class TeamsClient(BotClient bot, FakeTeams teams)
{
    public async Task SayAsync(TeamsPlace place, TeamsUser user, string text)
    {
        var activity = Activity("message", place, user);
        if (place.IsShared)
        {
            activity["text"] = "<at>PanelBot</at> " + text;
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention", ["text"] = "<at>PanelBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = FakeTeams.BotId, ["name"] = "PanelBot" },
            });
        }
        else activity["text"] = text;
        await PostAsync(activity);
    }

    /// <summary>An <c>Action.Execute</c> on a card: the invoke response is what only this user sees.</summary>
    public async Task<InvokeResult> InvokeAsync(TeamsPlace place, TeamsUser user, string verb, JsonObject data)
    {
        var activity = Activity("invoke", place, user);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        using var response = await bot.PostAsync(activity);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        return new InvokeResult((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(raw)!.AsObject(), raw);
    }

    public async Task PostAsync(JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
    }

    public JsonObject Activity(string type, TeamsPlace place, TeamsUser user) => new()
    {
        ["type"] = type,
        ["id"] = "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
        ["timestamp"] = "2026-11-22T10:00:00.000Z",
        ["localTimestamp"] = "2026-11-22T11:00:00.000+01:00",
        ["localTimezone"] = "Europe/Oslo",
        ["serviceUrl"] = teams.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["conversation"] = place.Conversation(user),
        ["recipient"] = new JsonObject { ["id"] = FakeTeams.BotId, ["name"] = "PanelBot" },
        ["textFormat"] = "plain",
        ["locale"] = "en-GB",
        ["channelData"] = place.ChannelData(),
    };
}
