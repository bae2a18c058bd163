using System.Text.Json;
using System.Text.Json.Nodes;

namespace PanelBot.BotFramework.Tests;

/// <summary>Schema round trips and the helpers on <see cref="Activity"/>.</summary>
public sealed class ActivityTests
{
    // Sanitised shape of a Teams channel message with a bot mention (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations).
    private const string TeamsChannelMessage = """
        {
          "type": "message", "id": "1716900000001", "timestamp": "2026-05-28T13:20:00.123Z",
          "localTimestamp": "2026-05-28T15:20:00.123+02:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Ana Ruiz", "aadObjectId": "6b7b" },
          "conversation": { "conversationType": "channel", "tenantId": "conv-tenant", "id": "19:c@thread.tacv2;messageid=1", "isGroup": true },
          "recipient": { "id": "28:bot", "name": "Helper Bot" },
          "text": "<at>Helper Bot</at> remind me at 5 ", "locale": "de-DE",
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:bot", "name": "Helper Bot" }, "text": "<at>Helper Bot</at>" },
            { "type": "mention", "mentioned": { "id": "29:other", "name": "Bo" }, "text": "<at>Bo</at>" },
            { "type": "clientInfo", "locale": "de-DE", "timezone": "Europe/Berlin" }
          ],
          "channelData": { "tenant": { "id": "data-tenant" }, "eventType": "x" },
          "unknownTopLevel": { "kept": true }
        }
        """;

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

    [Fact]
    public void RoundTrip_KeepsUnknownFieldsAndOmitsNulls()
    {
        var json = JsonSerializer.Serialize(Parse(TeamsChannelMessage), BotJson.Options);
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.True((bool)node["unknownTopLevel"]!["kept"]!);
        Assert.Equal("x", (string?)node["channelData"]!["eventType"]);
        Assert.False(node.ContainsKey("replyToId"));
        Assert.Equal("6b7b", (string?)node["from"]!["aadObjectId"]);
        Assert.False(node["from"]!.AsObject().ContainsKey("objectId"));
    }

    [Fact]
    public void RemoveRecipientMentionText_StripsOnlyTheBotMention()
    {
        var activity = Parse(TeamsChannelMessage);

        Assert.Equal("remind me at 5", activity.RemoveRecipientMentionText());
        Assert.Equal("remind me at 5", activity.Text);
    }

    [Fact]
    public void RemoveRecipientMentionText_MentionEntityWithoutText_UsesName()
    {
        var activity = Parse("""{"type":"message","text":"<at>helper bot</at> hi <at>Bo</at>","recipient":{"id":"28:bot"},"entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Helper Bot"}}]}""");

        Assert.Equal("hi <at>Bo</at>", activity.RemoveRecipientMentionText());
    }

    [Fact]
    public void RemoveRecipientMentionText_HostileText_IsBoundedByTheMatchTimeOutAndLeftAsItWas()
    {
        // Every "<at" starts a scan to the end of the text for a '>' that never comes: quadratic without a time-out.
        var hostile = string.Concat(Enumerable.Repeat("<at", 60_000));
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = hostile, Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "mention", ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "28:bot", ["name"] = "PanelBot" },
            }],
        };

        Assert.Equal(hostile, activity.RemoveRecipientMentionText());
    }

    [Theory]
    [InlineData("""{"type":"message","localTimezone":"America/New_York","entities":[{"type":"clientInfo","timezone":"Europe/Berlin"}]}""", "America/New_York")]
    [InlineData("""{"type":"message","localTimeZone":"Asia/Tokyo"}""", "Asia/Tokyo")]
    [InlineData("""{"type":"message","entities":[{"type":"ClientInfo","timezone":"Europe/Berlin"}]}""", "Europe/Berlin")]
    [InlineData("""{"type":"message"}""", null)]
    public void GetClientTimeZone_PrefersLocalTimezoneThenClientInfo(string json, string? expected)
    {
        Assert.Equal(expected, Parse(json).GetClientTimeZone());
    }

    [Fact]
    public void GetTenantId_PrefersChannelDataOverConversation()
    {
        Assert.Equal("data-tenant", Parse(TeamsChannelMessage).GetTenantId());
        Assert.Equal("t2", Parse("""{"type":"message","conversation":{"id":"a","tenantId":"t2"}}""").GetTenantId());
    }

    [Fact]
    public void CreateReply_SwapsPartiesAndRepliesToId()
    {
        var reply = Parse(TeamsChannelMessage).CreateReply("ok");

        Assert.Equal(("28:bot", "29:1abc"), (reply.From?.Id, reply.Recipient?.Id));
        Assert.Equal("19:c@thread.tacv2;messageid=1", reply.Conversation?.Id);
        Assert.Equal("1716900000001", reply.ReplyToId);
        Assert.Equal(("msteams", "https://smba.trafficmanager.net/emea/", "de-DE"), (reply.ChannelId, reply.ServiceUrl, reply.Locale));
        Assert.Equal(("message", "ok"), (reply.Type, reply.Text));
    }

    [Theory]
    [InlineData("webchat", null)]
    [InlineData("directline", null)]
    [InlineData("msteams", "u1")]
    public void CreateReply_ConversationUpdate_RepliesToIdOnlyOutsideDirectLine(string channel, string? expectedReplyTo)
    {
        var update = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "u1", ChannelId = channel };

        Assert.Equal(expectedReplyTo, update.CreateReply().ReplyToId);
        Assert.Equal(expectedReplyTo, update.GetConversationReference().ActivityId);
    }

    [Fact]
    public void ConversationReference_RoundTripsThroughJson()
    {
        var reference = Parse(TeamsChannelMessage).GetConversationReference();

        var copy = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(reference, BotJson.Options), BotJson.Options)!;

        Assert.Equal(("29:1abc", "28:bot", "conv-tenant"), (copy.User?.Id, copy.Bot?.Id, copy.Conversation?.TenantId));
        Assert.Equal(reference.ServiceUrl, copy.ServiceUrl);
        Assert.Equal("1716900000001", copy.ActivityId);
    }

    [Fact]
    public void TeamsChannelAccount_ReadsObjectIdAsAadObjectId()
    {
        var member = JsonSerializer.Deserialize<TeamsChannelAccount>("""{"id":"29:u","objectId":"aad-1","email":"a@b","userRole":"anonymous"}""", BotJson.Options)!;

        Assert.Equal("aad-1", member.AadObjectId);
        Assert.Equal("anonymous", member.UserRole);
        Assert.Contains("\"aadObjectId\":\"aad-1\"", JsonSerializer.Serialize(member, BotJson.Options));
    }

    [Fact]
    public void IsExpectReplies_ReadsDeliveryMode()
    {
        Assert.True(Parse("""{"type":"message","deliveryMode":"expectReplies"}""").IsExpectReplies);
        Assert.False(Parse("""{"type":"message"}""").IsExpectReplies);
    }
}
