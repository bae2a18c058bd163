using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Conversation;

namespace PanelBot.Tests.Teams;

/// <summary>Who can read a conversation, read from the activity as each channel sends it.</summary>
public sealed class ConversationScopeTests
{
    [Theory]
    [InlineData("msteams", "personal", null, ConversationScope.Personal)]
    [InlineData("msteams", "groupChat", true, ConversationScope.GroupChat)]
    [InlineData("msteams", "channel", true, ConversationScope.Channel)]
    [InlineData("msteams", null, true, ConversationScope.GroupChat)] // older payloads: only isGroup
    [InlineData("msteams", null, null, ConversationScope.Personal)]
    [InlineData("webchat", "channel", true, ConversationScope.Personal)] // only Teams has shared conversations here
    [InlineData("directline", null, null, ConversationScope.Personal)]
    public void Of_ReadsTheTeamsConversationType_AndCountsOtherChannelsAsPersonal(string channel, string? type, bool? isGroup,
        ConversationScope expected)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, ChannelId = channel,
            Conversation = new ConversationAccount { Id = "c1", ConversationType = type, IsGroup = isGroup },
        };
        Assert.Equal(expected, ConversationScopes.Of(activity));
    }

    [Fact]
    public void TeamId_ComesFromTheTeamsChannelData_AndOnlyFromTeams()
    {
        var data = new JsonObject { ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" } };
        Assert.Equal("19:team@thread.tacv2", ConversationScopes.TeamId(new Activity { ChannelId = "msteams", ChannelData = data }));
        Assert.Null(ConversationScopes.TeamId(new Activity { ChannelId = "webchat", ChannelData = (JsonObject)data.DeepClone() }));
        Assert.Null(ConversationScopes.TeamId(new Activity { ChannelId = "msteams" }));
    }
}
